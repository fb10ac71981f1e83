/**
 * `llama-cpp`: an embedded model, evaluated in-process with node-llama-cpp (llama.cpp; prebuilt
 * binaries, no server). The model is a local `.gguf` file or `hf:<owner>/<repo>/<file>` (downloaded
 * once into a cache, see model-download.ts).
 *
 * Prompting: a `completion` request (fcbench's exact prompt string, e.g. `xlam-bfcl-v1`) is
 * tokenised as is, after the BOS token the model asks for; a `chat` request (e.g. `xlam`) is
 * rendered with the chat template stored in the GGUF file (`tokenizer.chat_template`), as
 * `apply_chat_template(..., add_generation_prompt=True)` does. Tool definitions (`openai-fc`) are
 * not sent: use a prompt format.
 *
 * A request that carries an `answerSchema` (`--constrain`) is decoded under a GBNF grammar built
 * from it (json-grammar.ts), so the output is always a syntactically valid answer.
 *
 * Sequences: `parallel` sequences share one context and are evaluated in the same batches; more
 * concurrent requests than sequences wait for a free one. node-llama-cpp is imported on first use,
 * so fcbench starts fast when this backend is not used.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import type { Backend, BackendReply, ModelRequest, Sampling } from '../core/format.js';
import { InferenceError, type FailureKind } from './inference-error.js';
import { jsonSchemaToGbnf, type JsonSchema } from './json-grammar.js';
import { fetchModel, ModelFetchError, type FetchedModel, type DownloadProgress } from './model-download.js';

type NodeLlamaCpp = typeof import('node-llama-cpp');
type Llama = import('node-llama-cpp').Llama;
type LlamaModel = import('node-llama-cpp').LlamaModel;
type LlamaContext = import('node-llama-cpp').LlamaContext;
type LlamaCompletion = import('node-llama-cpp').LlamaCompletion;
type LlamaGrammar = import('node-llama-cpp').LlamaGrammar;
type Token = import('node-llama-cpp').Token;

/** The model and engine settings (config key `llama_cpp`, or flags). */
export interface LlamaCppSettings {
  /** A local `.gguf` path, `hf:<owner>/<repo>/<file>`, or an https URL. */
  modelPath: string;
  /** Expected sha256 of the file (verified after download, and once for a local file). */
  sha256?: string;
  /** CPU threads (default: the machine's cores, at most 8 — more rarely helps generation). */
  threads?: number;
  /** Context size in tokens per sequence (default: the model's training context, at most 8192). */
  contextSize?: number;
  /** Layers to offload to the GPU: `auto` (default; 0 without a GPU), `max`, or a number (0 = CPU only, no GPU probing). */
  gpuLayers?: number | 'auto' | 'max';
  /** Tokens evaluated per batch (default: llama.cpp's 512, or the context size when smaller). */
  batchSize?: number;
  /** Sequences evaluated in parallel (default 1). */
  parallel?: number;
  /** Download folder for remote models (default: see model-download.ts). */
  cacheDir?: string;
}

export interface LlamaCppBackendOptions extends LlamaCppSettings {
  /** Notes for the user (default: stderr). */
  log?: (message: string) => void;
  /** Download progress (default: a bar or lines on stderr). */
  onDownloadProgress?: (p: DownloadProgress) => void;
  env?: NodeJS.ProcessEnv;
  /** Name of the config or model, for messages. */
  label?: string;
  /** Per-request limit on generation, ms (time waiting for a free sequence not counted). */
  timeoutMs?: number;
}

/**
 * Threads that help: the machine's cores, at most 8 (generation is memory-bound beyond that), and
 * at most one per 100 MB of weights — on a small model the threads' synchronisation costs more than
 * it saves (measured: the 0.4 MB test model takes 1.5 ms/token on 1 thread, 116 ms/token on 2 busy cores).
 */
export function defaultThreads(cores: number = availableParallelism(), modelBytes = Infinity): number {
  return Math.max(1, Math.min(cores, 8, Math.floor(modelBytes / 100e6)));
}

export const DEFAULT_MAX_CONTEXT = 8192;

/** A failure that every other request would hit too: the run stops (e.g. no chat template, tools requested). */
export class LlamaCppUnsupported extends InferenceError {
  constructor(message: string) {
    super(message, 'rejected', 1);
    this.name = 'LlamaCppUnsupported';
  }
  override get fatal(): boolean {
    return true;
  }
}

/** Loading failed (no file, download impossible, not a model): fatal for the run. */
export class LlamaCppLoadError extends InferenceError {
  constructor(
    message: string,
    readonly offline = false,
  ) {
    super(message, 'not_found', 1);
    this.name = 'LlamaCppLoadError';
  }
}

interface Slot {
  completion: LlamaCompletion;
}

interface Loaded {
  lib: NodeLlamaCpp;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  slots: Slot[];
  file: FetchedModel;
  threads: number;
  chatTemplate?: string;
  loadSeconds: number;
}

function request(req: ModelRequest): ModelRequest & { answerSchema?: JsonSchema } {
  return req as ModelRequest & { answerSchema?: JsonSchema };
}

export class LlamaCppBackend implements Backend {
  readonly name = 'llama-cpp';
  private loading?: Promise<Loaded>;
  private free: Slot[] = [];
  private waiters: Array<(s: Slot) => void> = [];
  private grammars = new Map<string, Promise<LlamaGrammar>>();
  private closed = false;

  constructor(readonly opts: LlamaCppBackendOptions) {
    if (!opts.modelPath) throw new Error('the llama-cpp backend needs a model: --model-path FILE.gguf|hf:<owner>/<repo>/<file> (config key llama_cpp.model_path)');
    for (const [k, v] of [['threads', opts.threads], ['contextSize', opts.contextSize], ['batchSize', opts.batchSize], ['parallel', opts.parallel]] as const) {
      if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw new Error(`llama-cpp ${k} must be a whole number ≥ 1 (got ${v})`);
    }
  }

  /** Downloads (if needed) and loads the model. Errors: LlamaCppLoadError. */
  async open(): Promise<void> {
    await this.load();
  }

  private load(): Promise<Loaded> {
    this.loading ??= this.doLoad();
    return this.loading;
  }

  private log(m: string): void {
    (this.opts.log ?? ((s: string) => process.stderr.write(s + '\n')))(m);
  }

  private async doLoad(): Promise<Loaded> {
    const o = this.opts;
    const t0 = performance.now();
    let file: FetchedModel;
    try {
      file = await fetchModel(o.modelPath, {
        ...(o.sha256 !== undefined ? { sha256: o.sha256 } : {}),
        ...(o.cacheDir !== undefined ? { cacheDir: o.cacheDir } : {}),
        ...(o.env !== undefined ? { env: o.env } : {}),
        ...(o.onDownloadProgress !== undefined ? { onProgress: o.onDownloadProgress } : {}),
      });
    } catch (e) {
      if (e instanceof ModelFetchError) throw new LlamaCppLoadError(explainFetchFailure(e, o.modelPath), e.offline);
      throw e;
    }
    if (file.origin === 'download') this.log(`downloaded ${o.modelPath} → ${file.path}`);
    const lib = await import('node-llama-cpp');
    const cpuOnly = o.gpuLayers === 0;
    let llama: Llama;
    try {
      llama = await lib.getLlama({
        gpu: cpuOnly ? false : 'auto',
        build: 'never',
        logLevel: lib.LlamaLogLevel.error,
        logger: (level, message) => {
          if (level === lib.LlamaLogLevel.error || level === lib.LlamaLogLevel.fatal) this.log(`llama.cpp: ${message.trimEnd()}`);
        },
      });
    } catch (e) {
      throw new LlamaCppLoadError(`cannot start llama.cpp (node-llama-cpp's prebuilt binary): ${(e as Error).message}`);
    }
    let modelBytes = Infinity;
    try {
      modelBytes = statSync(file.path).size;
    } catch {
      // loadModel reports the problem
    }
    const threads = o.threads ?? defaultThreads(llama.cpuMathCores, modelBytes);
    let model: LlamaModel;
    try {
      model = await llama.loadModel({ modelPath: file.path, gpuLayers: cpuOnly ? 0 : (o.gpuLayers ?? 'auto') });
    } catch (e) {
      await llama.dispose();
      throw new LlamaCppLoadError(`cannot load ${file.path}: ${(e as Error).message}`);
    }
    const train = model.trainContextSize;
    const parallel = o.parallel ?? 1;
    let context: LlamaContext;
    try {
      context = await model.createContext({
        sequences: parallel,
        contextSize: o.contextSize ?? Math.min(train, DEFAULT_MAX_CONTEXT),
        ...(o.batchSize !== undefined ? { batchSize: o.batchSize } : {}),
        threads,
      });
    } catch (e) {
      await model.dispose();
      await llama.dispose();
      throw new LlamaCppLoadError(`cannot create a context of ${o.contextSize ?? Math.min(train, DEFAULT_MAX_CONTEXT)} tokens × ${parallel} sequences for ${file.path}: ${(e as Error).message} (lower --context-size or --parallel)`);
    }
    const slots: Slot[] = [];
    for (let i = 0; i < parallel; i++) slots.push({ completion: new lib.LlamaCompletion({ contextSequence: context.getSequence() }) });
    this.free = [...slots];
    const template = model.fileInfo.metadata?.tokenizer?.chat_template;
    return {
      lib,
      llama,
      model,
      context,
      slots,
      file,
      threads,
      ...(typeof template === 'string' && template !== '' ? { chatTemplate: template } : {}),
      loadSeconds: (performance.now() - t0) / 1000,
    };
  }

  private async acquire(signal?: AbortSignal): Promise<Slot> {
    const s = this.free.pop();
    if (s) return s;
    return new Promise<Slot>((resolve, reject) => {
      const waiter = (slot: Slot): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(slot);
      };
      const onAbort = (): void => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private release(s: Slot): void {
    const w = this.waiters.shift();
    if (w) w(s);
    else this.free.push(s);
  }

  /** The prompt tokens of a request (chat: rendered with the GGUF's chat template) and the template's stop texts. */
  async tokens(req: ModelRequest): Promise<{ tokens: Token[]; stops: string[] }> {
    const L = await this.load();
    const { lib, model } = L;
    if (req.kind === 'completion') return { tokens: model.tokenize(req.prompt, false), stops: [] };
    if (req.tools && req.tools.length > 0) {
      throw new LlamaCppUnsupported('the llama-cpp backend does not send tool definitions (the openai-fc format); use a prompt format such as xlam, xlam-bfcl-v1 or bfcl-prompt');
    }
    if (!L.chatTemplate) {
      throw new LlamaCppUnsupported(
        `${L.file.path} has no chat template (tokenizer.chat_template), so a chat request cannot be rendered; use a format that sends one raw prompt (e.g. xlam-bfcl-v1)`,
      );
    }
    const wrapper = new lib.JinjaTemplateChatWrapper({ template: L.chatTemplate, tokenizer: model.tokenizer, trimLeadingWhitespaceInResponses: false });
    const history: import('node-llama-cpp').ChatHistoryItem[] = req.messages.map((m) =>
      m.role === 'system' ? { type: 'system', text: m.content } : m.role === 'assistant' ? { type: 'model', response: [m.content] } : { type: 'user', text: m.content },
    );
    history.push({ type: 'model', response: [] });
    const state = wrapper.generateContextState({ chatHistory: history });
    const stops = (state.stopGenerationTriggers ?? []).map((t) => t.toString()).filter((s) => s !== '');
    return { tokens: state.contextText.tokenize(model.tokenizer), stops };
  }

  /** The compiled grammar for a schema (cached: consecutive entries often share their functions). */
  private grammar(L: Loaded, schema: JsonSchema): Promise<LlamaGrammar> {
    const gbnf = jsonSchemaToGbnf(schema);
    let g = this.grammars.get(gbnf);
    if (!g) {
      g = L.llama.createGrammar({ grammar: gbnf });
      g.catch(() => this.grammars.delete(gbnf));
      if (this.grammars.size >= 64) this.grammars.delete(this.grammars.keys().next().value!);
      this.grammars.set(gbnf, g);
    }
    return g;
  }

  async send(req: ModelRequest, sampling: Sampling, signal?: AbortSignal): Promise<BackendReply> {
    if (this.closed) throw new InferenceError('the llama-cpp backend is closed', 'connection', 1);
    const L = await this.load();
    let { tokens, stops } = await this.tokens(req);
    // LlamaCompletion puts the BOS token in front itself; a template that writes {{ bos_token }} must not get two.
    if (L.model.tokens.shouldPrependBosToken && tokens.length > 0 && tokens[0] === L.model.tokens.bos) tokens = tokens.slice(1);
    const inputTokens = tokens.length + (L.model.tokens.shouldPrependBosToken ? 1 : 0);
    const ctx = L.context.contextSize;
    if (inputTokens >= ctx) {
      throw new InferenceError(`the prompt has ${inputTokens} tokens, the context holds ${ctx} (raise --context-size; the model was trained on ${L.model.trainContextSize})`, 'rejected', 1);
    }
    const schema = request(req).answerSchema;
    let grammar: LlamaGrammar | undefined;
    if (schema !== undefined) {
      try {
        grammar = await this.grammar(L, schema);
      } catch (e) {
        throw new InferenceError(`cannot build the answer grammar: ${(e as Error).message}`, 'format' as FailureKind, 1);
      }
    }
    const slot = await this.acquire(signal);
    const t0 = performance.now();
    let outputTokens = 0;
    const timeoutMs = this.opts.timeoutMs;
    const timer = timeoutMs !== undefined && timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
    const stopOn = timer && signal ? AbortSignal.any([signal, timer]) : (timer ?? signal);
    try {
      const r = await slot.completion.generateCompletionWithMeta(tokens, {
        temperature: sampling.temperature,
        topP: sampling.topP,
        ...(sampling.seed !== undefined ? { seed: sampling.seed } : {}),
        // Like vLLM without max_tokens: the rest of the context.
        maxTokens: Math.min(sampling.maxTokens ?? ctx, ctx - inputTokens),
        ...(grammar ? { grammar } : {}),
        customStopTriggers: [...(sampling.stop ?? []), ...stops].filter((s) => s !== ''),
        // BFCL's samplers apply no repetition penalty.
        repeatPenalty: false,
        contextShiftSize: 1,
        disableContextShift: true,
        onToken: (t) => {
          outputTokens += t.length;
        },
        ...(stopOn ? { signal: stopOn } : {}),
      });
      return { text: r.response, inputTokens, outputTokens, latency: (performance.now() - t0) / 1000, attempts: 1 };
    } catch (e) {
      if (signal?.aborted) throw e;
      if (timer?.aborted) throw new InferenceError(`no answer within ${timeoutMs! / 1000} s (timeout); ${outputTokens} tokens were generated`, 'timeout', 1);
      throw new InferenceError(`llama.cpp generation failed: ${(e as Error).message}`, 'server', 1);
    } finally {
      this.release(slot);
    }
  }

  /** What is loaded and how (recorded in the run manifest). */
  async describe(): Promise<unknown> {
    const L = await this.load();
    const meta = L.model.fileInfo.metadata;
    let size: number | undefined;
    try {
      size = statSync(L.file.path).size;
    } catch {
      size = undefined;
    }
    return {
      engine: 'node-llama-cpp',
      engine_version: await L.lib.getModuleVersion().catch(() => 'unknown'),
      model: {
        reference: this.opts.modelPath,
        path: L.file.path,
        origin: L.file.origin,
        ...(L.file.url ? { url: L.file.url } : {}),
        ...(L.file.sha256 ? { sha256: L.file.sha256 } : {}),
        ...(size !== undefined ? { bytes: size } : {}),
        name: meta?.general?.name,
        architecture: meta?.general?.architecture,
        file_type: meta?.general?.file_type,
        train_context_size: L.model.trainContextSize,
        chat_template: L.chatTemplate !== undefined,
      },
      gpu: L.llama.gpu,
      gpu_layers: L.model.gpuLayers,
      threads: L.threads,
      context_size: L.context.contextSize,
      batch_size: L.context.batchSize,
      sequences: L.slots.length,
      load_seconds: Math.round(L.loadSeconds * 1000) / 1000,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (!this.loading) return;
    let L: Loaded;
    try {
      L = await this.loading;
    } catch {
      return;
    }
    for (const s of L.slots) s.completion.dispose({ disposeSequence: true });
    await L.context.dispose();
    await L.model.dispose();
    await L.llama.dispose();
  }
}

/** A download failure, explained, with the ways around it. */
export function explainFetchFailure(e: ModelFetchError, ref: string): string {
  if (!e.offline) return e.message;
  return (
    `cannot download ${ref}: the host is unreachable (offline?).\n  ${e.message}\n` +
    `Ways around it:\n` +
    `  • download the .gguf file on a connected machine and pass it: --backend llama-cpp --model-path /path/to/${ref.split('/').pop()?.replace(/^hf:/, '') || 'file.gguf'}\n` +
    `  • or evaluate a served endpoint instead (vLLM, llama-server, Ollama): --model NAME --base-url http://localhost:8001/v1 --format xlam`
  );
}

/** The model config `fcbench run` uses when it is given no model (configs/models/xlam-1b-fc-r-gguf.json). */
export const DEFAULT_LOCAL_MODEL_CONFIG = 'xlam-1b-fc-r-gguf';
