package io.velocity.desktop.killswitch;

import io.velocity.desktop.fx.Formats;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitchState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The kill switch as the workstation shows it: halted or not, why, since when, which layers. */
public final class KillSwitchViewModel {
    private final ReadOnlyBooleanWrapper halted = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<KillSwitchState.Engagement>> engaged = new ReadOnlyObjectWrapper<>(List.of());

    public void apply(KillSwitchState s) {
        List<KillSwitchState.Engagement> layers = s.engaged().values().stream()
                .sorted(Comparator.comparingLong(KillSwitchState.Engagement::sinceMillis)).toList();
        engaged.set(layers);
        halted.set(s.halted());
        headline.set(s.halted() ? headline(layers) : "");
    }

    private static String headline(List<KillSwitchState.Engagement> layers) {
        if (layers.isEmpty()) {
            return "TRADING HALTED";
        }
        KillSwitchState.Engagement first = layers.get(0);
        String more = layers.size() > 1 ? " (+" + (layers.size() - 1) + " more layer" + (layers.size() > 2 ? "s" : "") + ")" : "";
        return "TRADING HALTED — " + layerName(first.layer()) + ": " + first.reason() + " · since "
                + Formats.time(first.sinceMillis()) + more;
    }

    /** "Manual", "Daily loss", ... */
    public static String layerName(HaltLayer layer) {
        String s = layer.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ReadOnlyBooleanProperty haltedProperty() {
        return halted.getReadOnlyProperty();
    }

    public boolean isHalted() {
        return halted.get();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<KillSwitchState.Engagement>> engagedProperty() {
        return engaged.getReadOnlyProperty();
    }
}
