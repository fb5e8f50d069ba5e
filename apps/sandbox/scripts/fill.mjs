// The scripted trainee's hands for exams (no "show me"): types a scenario's expected entry into
// the form field by field, through @bosv2/ui's controls (ids are `<prefix>-<dotted.path>`).
// It knows plain inputs, selects, radios, check boxes, the region picker, keyword and string
// lists; fields it cannot find are returned, so a test can tell what it left empty.

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** [path, value] of every scalar, and of every array of scalars as a whole. */
export function leaves(value, prefix = '') {
  if (isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  if (Array.isArray(value) && value.some((x) => isObject(x) || Array.isArray(x))) {
    return value.flatMap((v, i) => leaves(v, `${prefix}.${i}`));
  }
  return prefix ? [[prefix, value]] : [];
}

const idOf = (prefix, path) => `${prefix}-${path.replaceAll('.', '-')}`;

async function pickRegion(page, base, code) {
  const parts = code.split('.');
  const levels = ['provinsi', 'kabupaten', 'kecamatan', 'desaCode'];
  for (let i = 0; i < levels.length; i += 1) {
    const select = page.locator(`[id="${base}-${levels[i]}"]`);
    await select.selectOption(parts.slice(0, i + 1).join('.'), { timeout: 10_000 });
  }
}

/** Fills `expected` into the form on the page; returns the paths it could not fill. */
export async function fillForm(page, prefix, expected) {
  const missed = [];
  for (const [path, value] of leaves(expected)) {
    if (path === 'type' || value === null || value === undefined) continue;
    const id = idOf(prefix, path);
    if (/(^|\.)location\.desaCode$/.test(path)) {
      await pickRegion(page, idOf(prefix, path.replace(/\.desaCode$/, '')), String(value)).catch(
        () => missed.push(path),
      );
      continue;
    }
    const element = page.locator(`[id="${id}"]`);
    const radio = page.locator(`input[type=radio][name="${id}"][value="${String(value)}"]`);
    if ((await element.count()) === 0) {
      if ((await radio.count()) > 0) await radio.check();
      else missed.push(path);
      continue;
    }
    const kind = await element.evaluate((e) => `${e.tagName.toLowerCase()}:${e.type ?? ''}`);
    try {
      if (Array.isArray(value)) {
        // A keyword or string list: type each, Enter.
        for (const item of value) {
          await element.fill(String(item));
          await element.press('Enter');
        }
      } else if (kind.startsWith('select')) await element.selectOption(String(value));
      else if (kind === 'input:radio') await radio.check();
      else if (kind === 'input:checkbox') {
        if (value) await element.check();
      } else await element.fill(String(value));
    } catch {
      missed.push(path);
    }
  }
  return missed;
}
