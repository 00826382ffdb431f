// Compiles abi/contracts/*.sol with the project-local solcjs and writes abi/<Name>.json as
// {"abi": [...], "bytecode": "0x..."} for every deployable contract. Called by abi/build.sh.
// Usage: node abi/compile.cjs <solc module dir> <contracts dir> <output dir>
'use strict';
const fs = require('fs');
const path = require('path');

const [solcDir, contractsDir, outDir] = process.argv.slice(2);
if (!solcDir || !contractsDir || !outDir) {
  console.error('usage: node compile.cjs <solc module dir> <contracts dir> <output dir>');
  process.exit(2);
}
const solc = require(path.resolve(solcDir));

// The contracts the engine deploys; libraries and interfaces are compiled in but get no artifact.
const DEPLOYABLE = ['TestCollateral', 'ConditionalTokens', 'CTFExchange', 'TestNegRiskAdapter', 'TestCollateralAdapter'];

function collectSources(dir, prefix) {
  const sources = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      Object.assign(sources, collectSources(full, rel));
    } else if (entry.name.endsWith('.sol')) {
      sources[rel] = { content: fs.readFileSync(full, 'utf8') };
    }
  }
  return sources;
}

const input = {
  language: 'Solidity',
  sources: collectSources(contractsDir, ''),
  settings: {
    // Pinned so the checked-in bytecode is reproducible byte for byte.
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    viaIR: false,
    metadata: { bytecodeHash: 'ipfs' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const message of output.errors || []) {
  console.error(message.formattedMessage || message.message);
}
if (errors.length > 0) {
  process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });
for (const name of DEPLOYABLE) {
  const file = Object.keys(output.contracts).find((f) => output.contracts[f][name]);
  if (!file) {
    console.error(`contract ${name} not found in the compiler output`);
    process.exit(1);
  }
  const contract = output.contracts[file][name];
  const artifact = { abi: contract.abi, bytecode: '0x' + contract.evm.bytecode.object };
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(artifact, null, 2) + '\n');
  console.log(`${name}: ${contract.evm.bytecode.object.length / 2} bytes -> ${path.join(outDir, name + '.json')}`);
}
