// Where the end-to-end tests find Chromium, and what `npm test` does when it is missing (bin/ensure-chromium.js).
import { existsSync } from 'node:fs';

/** The places looked at, in order: CHROMIUM_PATH, then Debian's and Ubuntu's packages. */
export function chromiumCandidates(env = process.env) {
  return [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
}

export function findChromium(env = process.env, exists = existsSync) {
  return chromiumCandidates(env).find((path) => exists(path));
}

export const INSTALL_COMMAND = 'sudo apt-get install -y chromium';

/**
 * What to do: nothing when Chromium is there; install Debian's `chromium` with apt-get when this user may
 * (root, or sudo without a password); otherwise stop and say which command to run.
 */
export function chromiumPlan({ found, platform, hasAptGet, isRoot, sudoWithoutPassword }) {
  if (found) return { action: 'none', path: found };
  if (platform === 'linux' && hasAptGet && (isRoot || sudoWithoutPassword)) {
    const prefix = isRoot ? [] : ['sudo', '-n'];
    return { action: 'install', commands: [[...prefix, 'apt-get', 'update', '-qq'], [...prefix, 'apt-get', 'install', '-y', '-qq', 'chromium']] };
  }
  const how = platform === 'linux' && hasAptGet
    ? `install it with \`${INSTALL_COMMAND}\``
    : 'install Chromium (or Chrome)';
  return {
    action: 'stop',
    message: `npm test: the app's end-to-end tests need Chromium, and none was found (looked at ${chromiumCandidates().join(', ') || 'CHROMIUM_PATH'}). ` +
      `${how[0].toUpperCase()}${how.slice(1)}, or set CHROMIUM_PATH to its binary, then run npm test again.`,
  };
}
