// Shared set-up of the browser tests: the real doithoai binary with the demo
// data on a loopback port, and Debian's chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

// Starts `doithoai serve` on a fresh demo database; resolves to
// { dir, baseUrl, browser, stop() }.
export async function startDemo(prefix) {
  const binary = process.env.DOITHOAI_BINARY;
  assert.ok(binary, 'DOITHOAI_BINARY must name the doithoai binary');
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const db = path.join(dir, 'doithoai.db');
  execFileSync(binary, ['init', '--db', db, '--demo']);
  const server = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
