// The page's only link to the playground server: JSON requests and one event stream.

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) return { ok: false, error: `The playground answered ${response.status}.` };
  return response.json();
}

export const getState = person => call('GET', `/api/state?person=${encodeURIComponent(person)}`);
export const getMessages = (person, channel) =>
  call('GET', `/api/messages?person=${encodeURIComponent(person)}&channel=${encodeURIComponent(channel)}`);
export const post = (action, body) => call('POST', `/api/${action}`, body);

/** Calls onChange whenever the bot did something, onReset when the playground started over. */
export function listen(onChange, onReset) {
  const events = new EventSource('/api/events');
  events.addEventListener('changed', onChange);
  events.addEventListener('reset', onReset);
  return events;
}
