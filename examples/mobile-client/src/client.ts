// Sends the client's operations to Atbalsts's GraphQL API with an API token, by their hash.
import { loadOperations, type Operation } from './operations.js';

/**
 * An error the API answered: `code` is extensions.code (UNAUTHENTICATED, BAD_USER_INPUT,
 * RATE_LIMITED, PERSISTED_QUERY_REQUIRED, ...), `extensions` the rest (field, retryAfter...).
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown>,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth trying again later, unchanged: the server's trouble, not the request's. */
  get transient(): boolean {
    return this.status >= 500 || ['INTERNAL', 'TIMEOUT', 'CANCELLED', 'RATE_LIMITED'].includes(this.code);
  }
}

/** No answer (no network, server down, timeout, a proxy's error page): try again later. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export class Client {
  readonly endpoint: string;

  /**
   * @param url the server (https://atbalsts.example.lv) or its /graphql endpoint
   * @param token an API token's secret, sent as `Authorization: Bearer <token>`
   */
  constructor(
    url: string,
    private readonly token: string,
    private readonly operations: Map<string, Operation> = loadOperations(),
    private readonly timeoutMs = 30_000,
  ) {
    this.endpoint = new URL(url.replace(/\/+$/, '').endsWith('/graphql') ? url : `${url.replace(/\/+$/, '')}/graphql`).href;
  }

  /**
   * Runs a named operation of operations.graphql and returns its data. Throws ApiError for
   * an answered error and NetworkError when no answer came.
   */
  async request<T>(operationName: string, variables: Record<string, unknown> = {}): Promise<T> {
    const op = this.operations.get(operationName);
    if (!op) throw new Error(`no operation ${operationName} in operations.graphql`);
    const body: Record<string, unknown> = {
      operationName,
      variables,
      extensions: { persistedQuery: { version: 1, sha256Hash: op.sha256Hash } },
    };
    let answer = await this.post(body);
    // Automatic persisted queries: a server that does not know the hash yet learns it from
    // the text, once. (A server with a manifest knows it; an app token never sends text.)
    if (answer.errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND' || e.message === 'PersistedQueryNotFound')) {
      answer = await this.post({ ...body, query: op.document });
    }
    const first = answer.errors?.[0];
    if (first) {
      const { code, ...extensions } = first.extensions ?? {};
      throw new ApiError(first.message, typeof code === 'string' ? code : 'UNKNOWN', extensions, answer.status);
    }
    if (answer.data == null) throw new NetworkError(`HTTP ${answer.status} without data`);
    return answer.data as T;
  }

  private async post(body: Record<string, unknown>): Promise<GraphQLResponse & { status: number }> {
    let res: Response;
    try {
      res = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          Authorization: `Bearer ${this.token}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      throw new NetworkError(`no answer from ${this.endpoint}: ${cause}`);
    }
    let json: GraphQLResponse;
    try {
      json = (await res.json()) as GraphQLResponse;
    } catch {
      // A proxy's or load balancer's error page, or a connection cut mid-answer.
      throw new NetworkError(`HTTP ${res.status} from ${this.endpoint} without a GraphQL answer`);
    }
    return { ...json, status: res.status };
  }
}
