package io.velocity.desktop.markets;

import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.MarketRow;
import io.velocity.marketdata.FeedStatus;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The markets screen's state: one long-lived {@link MarketItem} per listed market, updated in
 * place from each snapshot; the filter (text, assets, actionable only); the per-market history
 * behind the detail chart; and the texts for the empty states. Needs no running FX toolkit.
 */
public final class MarketsViewModel {
    private final ObservableList<MarketItem> items =
            FXCollections.observableArrayList(i -> new Observable[]{i.rowProperty(), i.secondsLeftProperty()});
    private final Map<String, MarketItem> byId = new LinkedHashMap<>();
    private final MarketHistory history;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableSet<String> assets = FXCollections.observableSet(new TreeSet<>());
    private final BooleanProperty actionableOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Predicate<MarketItem>> predicate = new ReadOnlyObjectWrapper<>(i -> true);
    private final ReadOnlyObjectWrapper<List<String>> knownAssets = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Waiting for the engine's first snapshot…");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public MarketsViewModel() {
        this(new MarketHistory(250));
    }

    public MarketsViewModel(MarketHistory history) {
        this.history = history;
        query.addListener((o, a, b) -> rebuildPredicate());
        assets.addListener((javafx.collections.SetChangeListener<String>) c -> rebuildPredicate());
        actionableOnly.addListener((o, a, b) -> rebuildPredicate());
    }

    /** Applies a snapshot: updates rows in place, adds new markets, removes delisted ones. */
    public void apply(EngineSnapshot s) {
        history.record(s);
        Set<String> seen = new HashSet<>();
        Set<String> assetNames = new TreeSet<>();
        int snipe = 0;
        int ladder = 0;
        int positions = 0;
        for (MarketRow r : s.markets()) {
            seen.add(r.conditionId());
            assetNames.add(r.asset().toUpperCase(Locale.ROOT));
            MarketItem item = byId.get(r.conditionId());
            if (item == null) {
                item = new MarketItem(r, s.timeMillis());
                byId.put(r.conditionId(), item);
                items.add(item);
            } else {
                item.update(r, s.timeMillis());
            }
            switch (r.decision()) {
                case "SNIPE" -> snipe++;
                case "LADDER" -> ladder++;
                default -> {
                }
            }
            if (r.upSharesMicros() != 0 || r.downSharesMicros() != 0) {
                positions++;
            }
        }
        if (byId.size() != seen.size()) {
            List<MarketItem> gone = new ArrayList<>();
            byId.values().removeIf(i -> {
                if (!seen.contains(i.conditionId())) {
                    gone.add(i);
                    return true;
                }
                return false;
            });
            items.removeAll(gone);
        }
        List<String> names = List.copyOf(assetNames);
        if (!names.equals(knownAssets.get())) {
            knownAssets.set(names);
        }
        summary.set(s.markets().isEmpty() ? "" : String.format(Locale.ROOT, "%d markets · %d snipe · %d ladder · %d with positions",
                s.markets().size(), snipe, ladder, positions));
        placeholder.set(s.markets().isEmpty() ? emptyText(s) : "No market matches the filter");
    }

    private static String emptyText(EngineSnapshot s) {
        FeedStatus gamma = s.feedStates().get("gamma");
        if (gamma == null) {
            return "No markets listed. Market discovery (Gamma) is not running in this session.";
        }
        return "No markets listed yet. Market discovery (Gamma) is " + gamma.state().name().toLowerCase(Locale.ROOT)
                + (gamma.detail().isBlank() ? "" : ": " + gamma.detail());
    }

    private void rebuildPredicate() {
        String q = query.get() == null ? "" : query.get().trim().toLowerCase(Locale.ROOT);
        Set<String> chosen = Set.copyOf(assets);
        boolean onlyActionable = actionableOnly.get();
        predicate.set(item -> {
            MarketRow r = item.row();
            if (!chosen.isEmpty() && !chosen.contains(r.asset().toUpperCase(Locale.ROOT))) {
                return false;
            }
            if (onlyActionable && !item.actionable()) {
                return false;
            }
            if (q.isEmpty()) {
                return true;
            }
            String hay = (r.slug() + " " + r.asset() + " " + r.duration() + " " + r.decision() + " " + r.reason())
                    .toLowerCase(Locale.ROOT);
            for (String word : q.split("\\s+")) {
                if (!hay.contains(word)) {
                    return false;
                }
            }
            return true;
        });
    }

    public ObservableList<MarketItem> items() {
        return items;
    }

    public MarketItem item(String conditionId) {
        return byId.get(conditionId);
    }

    public MarketHistory history() {
        return history;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Assets to show (upper case); empty shows all. */
    public ObservableSet<String> assetFilter() {
        return assets;
    }

    public BooleanProperty actionableOnlyProperty() {
        return actionableOnly;
    }

    public ReadOnlyObjectProperty<Predicate<MarketItem>> predicateProperty() {
        return predicate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> knownAssetsProperty() {
        return knownAssets.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
