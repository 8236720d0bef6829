/** The shape of the engine's handlers: one function per API method, from its request to its reply. */
import type { ApiMethod, ApiReply, ApiRequest } from '../../shared/api/contract.js';

export type MethodHandlers<M extends ApiMethod> = { [K in M]: (request: ApiRequest<K>) => ApiReply<K> | Promise<ApiReply<K>> };

export type Handlers = MethodHandlers<ApiMethod>;
