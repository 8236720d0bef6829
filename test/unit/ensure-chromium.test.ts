/** `npm test`'s pretest on a fresh machine: nothing when Chromium is there, apt-get when allowed, else the command to run. */
import { describe, expect, it } from 'vitest';
import { chromiumPlan, findChromium } from '../../bin/chromium.js';

const facts = { found: undefined, platform: 'linux', hasAptGet: true, isRoot: false, sudoWithoutPassword: false };

describe('the Chromium check before npm test', () => {
  it('finds CHROMIUM_PATH first, then Debian’s binaries', () => {
    const exists = (path: string) => ['/opt/chrome', '/usr/bin/chromium-browser'].includes(path);
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome' }, exists)).toBe('/opt/chrome');
    expect(findChromium({}, exists)).toBe('/usr/bin/chromium-browser');
    expect(findChromium({ CHROMIUM_PATH: '/missing' }, () => false)).toBeUndefined();
  });

  it('does nothing when Chromium is there', () => {
    expect(chromiumPlan({ ...facts, found: '/usr/bin/chromium' })).toEqual({ action: 'none', path: '/usr/bin/chromium' });
  });

  it('installs Debian’s chromium with apt-get as root, or through sudo without a password', () => {
    expect(chromiumPlan({ ...facts, isRoot: true })).toEqual({ action: 'install', commands: [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', 'chromium']] });
    expect(chromiumPlan({ ...facts, sudoWithoutPassword: true })).toMatchObject({ action: 'install', commands: [['sudo', '-n', 'apt-get', 'update', '-qq'], ['sudo', '-n', 'apt-get', 'install', '-y', '-qq', 'chromium']] });
  });

  it('otherwise stops with the command to run', () => {
    const plan = chromiumPlan(facts);
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message).toMatch(/Install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH/);
    const mac = chromiumPlan({ ...facts, platform: 'darwin', hasAptGet: false });
    expect(mac.action === 'stop' && mac.message).toMatch(/Install Chromium \(or Chrome\), or set CHROMIUM_PATH/);
  });
});
