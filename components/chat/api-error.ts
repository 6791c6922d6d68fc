/** The `{ error: { code, message } }` our routes send, out of whatever a failed request left us. */
export function apiError(error: unknown): {
  code: string;
  message: string;
  fields?: Record<string, string>;
} {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const body = JSON.parse(text) as {
      error?: { code?: string; message?: string; fields?: Record<string, string> };
    };
    if (body.error?.message) {
      return { code: body.error.code ?? "error", message: body.error.message, fields: body.error.fields };
    }
  } catch {
    // not JSON: a network failure
  }
  return {
    code: "network",
    message: "Could not reach Persona Market. Check your connection; your message is back in the box.",
  };
}

export async function callApi(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, {
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers },
  });
  if (!response.ok) throw new Error(await response.text());
  return response.status === 204 ? null : response.json();
}
