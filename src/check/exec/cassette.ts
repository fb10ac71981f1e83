/**
 * Recorded HTTP responses ("cassette"), so web-API functions can be replayed offline.
 * Pure data: the file format, lookup keys and secret redaction. Reading and writing the file
 * is done by http.ts.
 *
 * File format (JSON): `{"version": 1, "interactions": [{"key": "GET https://…", "status": 200, "body": "…"}]}`.
 * Keys are the request URL with its query parameters sorted and every API key replaced by
 * `{ENV_VAR_NAME}`, so a cassette never contains a secret and matches whatever key replays it.
 */

export interface RecordedResponse {
  status: number;
  body: string;
}

export interface CassetteInteraction extends RecordedResponse {
  key: string;
}

/** Canonical lookup key of a GET request: URL + sorted query, with secrets replaced by their env-var name. */
export function requestKey(url: string, params: ReadonlyArray<readonly [string, string]>, secrets: Readonly<Record<string, string | undefined>>): string {
  const u = new URL(url);
  const all: Array<[string, string]> = [...u.searchParams.entries(), ...params.map(([k, v]) => [k, v] as [string, string])];
  all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  u.search = '';
  const q = new URLSearchParams(all).toString();
  return redact(`GET ${u.toString()}${q ? '?' + q : ''}`, secrets);
}

/** Replace every secret value by `{NAME}`. */
export function redact(text: string, secrets: Readonly<Record<string, string | undefined>>): string {
  let out = text;
  for (const [name, value] of Object.entries(secrets)) {
    if (value && value.length >= 4) {
      out = out.split(value).join(`{${name}}`);
      const enc = encodeURIComponent(value);
      if (enc !== value) out = out.split(enc).join(`{${name}}`);
    }
  }
  return out;
}

export class Cassette {
  private readonly m = new Map<string, RecordedResponse>();
  /** True when something was recorded since loading. */
  dirty = false;

  get size(): number {
    return this.m.size;
  }
  get(key: string): RecordedResponse | undefined {
    return this.m.get(key);
  }
  has(key: string): boolean {
    return this.m.has(key);
  }
  put(key: string, r: RecordedResponse): void {
    this.m.set(key, { status: r.status, body: r.body });
    this.dirty = true;
  }
  interactions(): CassetteInteraction[] {
    return [...this.m.entries()].map(([key, r]) => ({ key, status: r.status, body: r.body }));
  }

  toText(): string {
    const interactions = this.interactions().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return JSON.stringify({ version: 1, interactions }, null, 1) + '\n';
  }

  static fromText(text: string, where = 'cassette'): Cassette {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new Error(`${where}: not JSON (${(e as Error).message})`);
    }
    const c = new Cassette();
    const d = data as { version?: unknown; interactions?: unknown };
    if (d?.version !== 1 || !Array.isArray(d.interactions)) throw new Error(`${where}: expected {"version": 1, "interactions": [...]}`);
    d.interactions.forEach((x: unknown, i: number) => {
      const r = x as Partial<CassetteInteraction>;
      if (typeof r?.key !== 'string' || typeof r.status !== 'number' || typeof r.body !== 'string')
        throw new Error(`${where}: interaction ${i} needs string "key", number "status", string "body"`);
      c.m.set(r.key, { status: r.status, body: r.body });
    });
    return c;
  }
}
