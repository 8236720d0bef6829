#!/usr/bin/env node
// `npm test`'s pretest: makes sure the end-to-end tests have a Chromium. Installs Debian's `chromium` with
// apt-get when it is missing and this user may (root, or sudo without a password); otherwise stops with
// the command to run. Does nothing when Chromium is there (CHROMIUM_PATH, /usr/bin/chromium…).
import { spawnSync } from 'node:child_process';
import { chromiumPlan, findChromium } from './chromium.js';

const succeeds = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const plan = chromiumPlan({
  found: findChromium(),
  platform: process.platform,
  hasAptGet: process.platform === 'linux' && succeeds('sh', ['-c', 'command -v apt-get']),
  isRoot: process.getuid?.() === 0,
  sudoWithoutPassword: process.platform === 'linux' && succeeds('sudo', ['-n', 'true']),
});

if (plan.action === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === 'install') {
  console.error('npm test: installing Chromium for the end-to-end tests (Debian package "chromium")…');
  for (const [command, ...args] of plan.commands) {
    const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) {
      console.error(`npm test: \`${[command, ...args].join(' ')}\` failed; install Chromium yourself (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
      process.exit(1);
    }
  }
  if (!findChromium()) {
    console.error('npm test: apt-get installed chromium, but no binary is at /usr/bin/chromium; set CHROMIUM_PATH to it.');
    process.exit(1);
  }
}
