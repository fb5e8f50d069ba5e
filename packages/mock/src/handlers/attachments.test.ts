import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestMock, type TestMock } from '../test-utils.js';

let t: TestMock;
beforeAll(async () => {
  t = await startTestMock();
});
afterEach(() => t.expectConformance());
afterAll(() => t.close());

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function upload(token: string, kind: string, type: string, bytes: Uint8Array, key: string) {
  const form = new FormData();
  form.set('file', new Blob([bytes as unknown as ArrayBuffer], { type }), 'foto-sambang.png');
  form.set('kind', kind);
  form.set('caption', 'Sambang di rumah Bapak Ahmad');
  const res = await fetch(`${t.mock.url}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: form,
  });
  return {
    status: res.status,
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers of tests are read loosely
    body: (await res.json()) as Record<string, any>,
    headers: res.headers,
  };
}

describe('attachments', () => {
  it('uploads a photo, answers its metadata with a sha256, and serves the same bytes', async () => {
    const token = await t.login('officer');
    const up = await upload(token, 'PHOTO', 'image/png', PNG, 'att-1');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      kind: 'PHOTO',
      contentType: 'image/png',
      sizeBytes: PNG.length,
    });
    expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const content = await fetch(`${t.mock.url}${up.body.url}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(content.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(PNG);
  });

  it('refuses a photo that is not an image (415) and one over 5 MB (413)', async () => {
    const token = await t.login('citizen');
    expect((await upload(token, 'PHOTO', 'application/pdf', PNG, 'att-2')).status).toBe(415);
    expect(
      (await upload(token, 'PHOTO', 'image/jpeg', new Uint8Array(5 * 1024 * 1024 + 1), 'att-3'))
        .status,
    ).toBe(413);
    expect((await upload(token, 'DOCUMENT', 'application/pdf', PNG, 'att-4')).status).toBe(201);
  });
});
