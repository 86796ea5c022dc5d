// Regenerates api/graphiql/static/vendor/: the GraphiQL page's scripts and styles, from npm
// at exact versions (`npm pack` checks each tarball against the registry's integrity hash),
// with each package's licence and manifest.json (names, versions, licences, sha256).
// Usage: node tools/vendor-graphiql.mjs   (then review and commit the diff)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The files the page loads from each package, in the order it loads them: GraphiQL's UMD
// build wants the globals React and ReactDOM; graphql-ws's UMD build defines graphqlWs.
const PACKAGES = [
  ['react', '18.3.1', ['umd/react.production.min.js']],
  ['react-dom', '18.3.1', ['umd/react-dom.production.min.js']],
  ['graphql-ws', '6.0.6', ['umd/graphql-ws.min.js']],
  ['graphiql', '4.1.2', ['graphiql.min.js', 'graphiql.min.css']],
];

const vendor = resolve(dirname(fileURLToPath(import.meta.url)), '../api/graphiql/static/vendor');
const work = mkdtempSync(join(tmpdir(), 'vendor-graphiql-'));
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

try {
  rmSync(vendor, { recursive: true, force: true });
  const manifest = PACKAGES.map(([name, version, files]) => {
    const spec = `${name}@${version}`;
    const tarball = execFileSync('npm', ['pack', '--silent', spec], { cwd: work }).toString().trim();
    const unpacked = join(work, spec);
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', unpacked]);
    const source = join(unpacked, 'package');
    const licence = readdirSync(source).find((file) => /^licen[cs]e/i.test(file));
    if (!licence) throw new Error(`${spec} ships no licence file`);
    mkdirSync(join(vendor, spec), { recursive: true });
    const copy = (file) => {
      const path = `${spec}/${basename(file)}`;
      copyFileSync(join(source, file), join(vendor, path));
      return { path, sha256: sha256(join(vendor, path)) };
    };
    const { license } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
    return { name, version, license, licenseFile: copy(licence), files: files.map(copy) };
  });
  writeFileSync(join(vendor, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`vendored ${PACKAGES.map(([n, v]) => `${n}@${v}`).join(', ')} into ${vendor}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
