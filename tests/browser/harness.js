// Shared set-up of the browser tests: the real doithoai binary with the demo
// data on a loopback port, and Debian's chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

// The engine under test: PostgreSQL when DOITHOAI_IT_ENGINE=postgresql (ctest
// runs every file twice, as browser_<file> and browser_pg_<file>), on a fresh
// database of the cluster in DOITHOAI_TEST_PG_URL; else an SQLite file.
export const engine = process.env.DOITHOAI_IT_ENGINE === 'postgresql' ? 'postgresql' : 'sqlite';

// A fresh database: { db, drop() }.
function freshDatabase(dir) {
  if (engine === 'sqlite') return { db: path.join(dir, 'doithoai.db'), drop() {} };
  const admin = process.env.DOITHOAI_TEST_PG_URL;
  assert.ok(admin, 'DOITHOAI_IT_ENGINE=postgresql needs DOITHOAI_TEST_PG_URL');
  const name = `doithoai_b_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  execFileSync('psql', [admin, '-qc', `CREATE DATABASE ${name}`]);
  return {
    db: admin.replace(/\/[^/?]*$/, `/${name}`),
    drop() {
      execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    },
  };
}

// Starts `doithoai serve` on a fresh demo database; resolves to
// { dir, baseUrl, browser, stop() }.
export async function startDemo(prefix) {
  const binary = process.env.DOITHOAI_BINARY;
  assert.ok(binary, 'DOITHOAI_BINARY must name the doithoai binary');
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const { db, drop } = freshDatabase(dir);
  console.log(`# engine: ${engine}`);
  // cwd = dir: files kept beside a PostgreSQL database (key, attachments) go there.
  execFileSync(binary, ['init', '--db', db, '--demo'], { cwd: dir });
  const server = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    cwd: dir,
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  const baseUrl = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update'],
  });
  return {
    dir,
    baseUrl,
    browser,
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await exited;
      drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
