/** The shape of the engine's handlers: one function per API method, from its request to its reply. */
import type { ApiMethod, ApiReply, ApiRequest, UploadMethod } from '../../shared/api/contract.js';
import type { UploadFolder } from './uploads.js';

/** What a handler receives: the request, with an upload's files already on disk. */
export type EngineRequest<M extends ApiMethod> = M extends UploadMethod ? Omit<ApiRequest<M>, 'files'> & { files: UploadFolder } : ApiRequest<M>;

export type MethodHandlers<M extends ApiMethod> = { [K in M]: (request: EngineRequest<K>) => ApiReply<K> | Promise<ApiReply<K>> };

export type Handlers = MethodHandlers<ApiMethod>;
