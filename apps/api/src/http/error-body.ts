/** Every error answer has this shape: statusCode, error (the status phrase), message; `fields` for field problems. */
export interface ErrorBody {
  statusCode: number;
  /** The status phrase (a health report keeps terminus's map of failing checks here instead). */
  error: string | Record<string, unknown>;
  message: string;
  code?: string;
  fields?: Record<string, string>;
  [extra: string]: unknown;
}

const PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(statusCode: number, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { statusCode, error: PHRASES[statusCode] ?? 'Error', message, ...extra };
}
