// The scripted trainee's hands for exams (no "show me"): types a scenario's expected entry into
// the form field by field, through @bosv2/ui's controls (ids are `<prefix>-<dotted.path>`).
// It knows plain inputs, selects, radios, check boxes, dates with times, the region picker, the
// GPS point ("Ambil lokasi saat ini"), keyword lists, repeated items (string lists, household
// members, opinions, parties: "Tambah" then each item) and the upload form; fields it cannot
// find are returned, so a test can tell what it left empty.

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const idOf = (prefix, path) => `${prefix}-${path.replaceAll('.', '-')}`;

async function pickRegion(page, base, code) {
  const parts = code.split('.');
  const levels = ['provinsi', 'kabupaten', 'kecamatan', 'desaCode'];
  for (let i = 0; i < levels.length; i += 1) {
    const select = page.locator(`[id="${base}-${levels[i]}"]`);
    await select.selectOption(parts.slice(0, i + 1).join('.'), { timeout: 10_000 });
  }
}

/** Presses a list's "Tambah" until item `index` of `arrayPath` is on the form. */
async function ensureItem(page, prefix, arrayPath, index) {
  const base = idOf(prefix, arrayPath);
  const item = page.locator(`[id="${base}-${index}"], [id^="${base}-${index}-"]`);
  if ((await item.count()) > 0) return;
  // A repeated field (its fieldset has the list's id) or the household editor (no id of its own).
  const list = page.locator(`[id="${base}"]`);
  const add =
    (await list.count()) > 0
      ? list.locator(':scope > button')
      : page.locator(
          `fieldset.bos-household:has([id^="${base}-0-"]) > button, fieldset.bos-household > button.bos-button--secondary`,
        );
  await add.last().click();
  await item.first().waitFor({ timeout: 5_000 });
}

/** A contract date-time (`2026-11-20T20:30:00+08:00`) as a datetime-local input takes it. */
const localDateTime = (value) => String(value).slice(0, 16);

/** The upload form: kind, a file made on the spot with the expected name, caption. */
async function fillUpload(page, expected) {
  const missed = [];
  const form = page.getByTestId('upload-form');
  if (expected.kind) await form.getByTestId('upload-kind').selectOption(String(expected.kind));
  if (expected.file) {
    await form.getByTestId('upload-file').setInputFiles({
      name: String(expected.file),
      mimeType: String(expected.file).endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
      buffer: Buffer.from('%PDF-1.4 latihan\n'),
    });
  }
  if (expected.caption) {
    const caption = form.locator('input[id$="-caption"]');
    if ((await caption.count()) > 0) await caption.fill(String(expected.caption));
    else missed.push('caption');
  }
  return missed;
}

/** Fills `expected` into the form on the page; returns the paths it could not fill. */
export async function fillForm(page, prefix, expected) {
  if ((await page.getByTestId('upload-form').count()) > 0) return fillUpload(page, expected);
  const missed = [];
  const points = new Set();
  for (const [path, value] of leaves(expected)) {
    if (path === 'type' || value === null || value === undefined) continue;
    const id = idOf(prefix, path);
    const point = path.match(/^(.*(?:^|\.)point)\.(lat|lng|accuracyM)$/);
    if (point) {
      // The GPS point: the trainee presses "Ambil lokasi saat ini" (a simulated fix).
      if (points.has(point[1])) continue;
      points.add(point[1]);
      await page
        .locator(`[id="${idOf(prefix, point[1])}"]`)
        .click({ timeout: 5_000 })
        .catch(() => missed.push(point[1]));
      continue;
    }
    const item = path.match(/^(.*?)\.(\d+)(?:\.|$)/);
    if (item) {
      const ok = await ensureItem(page, prefix, item[1], Number(item[2])).then(
        () => true,
        () => false,
      );
      if (!ok) {
        missed.push(path);
        continue;
      }
    }
    if (/(^|\.)location\.desaCode$/.test(path)) {
      await pickRegion(page, idOf(prefix, path.replace(/\.desaCode$/, '')), String(value)).catch(
        () => missed.push(path),
      );
      continue;
    }
    const element = page.locator(`[id="${id}"]`);
    // An address's desa code is not asked: the form takes the report's location.
    if (/\.address\.desaCode$/.test(path) && value === expected.location?.desaCode) continue;
    const radio = page.locator(`input[type=radio][name="${id}"][value="${String(value)}"]`);
    if ((await element.count()) === 0) {
      if ((await radio.count()) > 0) await radio.check();
      // A record id the form fills from where it is opened (the player's contextIds).
      else if (
        !(
          UUID.test(String(value)) ||
          (Array.isArray(value) && value.every((v) => UUID.test(String(v))))
        )
      )
        missed.push(path);
      continue;
    }
    const kind = await element.evaluate((e) => `${e.tagName.toLowerCase()}:${e.type ?? ''}`);
    try {
      if (Array.isArray(value) && kind.startsWith('fieldset')) {
        // A repeated text field: "Tambah", then type the new item.
        for (let i = 0; i < value.length; i += 1) {
          await ensureItem(page, prefix, path, i);
          await page.locator(`[id="${id}-${i}"]`).fill(String(value[i]));
        }
      } else if (Array.isArray(value)) {
        // A keyword list: type each, Enter.
        for (const item of value) {
          await element.fill(String(item));
          await element.press('Enter');
        }
      } else if (kind.startsWith('select')) await element.selectOption(String(value));
      else if (kind === 'input:radio') await radio.check();
      else if (kind === 'input:checkbox') {
        if (value) await element.check();
      } else if (kind === 'input:datetime-local') await element.fill(localDateTime(value));
      else await element.fill(String(value));
    } catch {
      missed.push(path);
    }
  }
  return missed;
}
