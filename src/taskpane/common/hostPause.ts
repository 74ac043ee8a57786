/**
 * Yielding to the host between steps of long work, so that input and
 * painting go on: a macrotask by MessageChannel (setTimeout is clamped to
 * 4 ms once nested, which would add up over many steps).
 */
export function yieldToHost(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
