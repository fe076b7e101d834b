// Embedding: the embed tells the page around it how tall it is, and the full page's Embed button
// shows the snippet the server's oEmbed endpoint gives for the current view.
import { getJson } from './api.js';

/** The message an embed posts to its parent: { type, height } in CSS pixels. */
export const HEIGHT_MESSAGE = 'srmap:height';

/** Posts the page's height to the page around it now and whenever it changes. */
export function postHeight() {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(post).observe(document.body);
  post();
}

/** The script a host page adds to let its srmap frames take the height they ask for. */
export function resizeScript(origin) {
  return `<script>
window.addEventListener('message', function (e) {
  if (e.origin !== '${origin}' || !e.data || e.data.type !== '${HEIGHT_MESSAGE}') return;
  document.querySelectorAll('iframe').forEach(function (f) {
    if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
  });
});
</script>`;
}

/** Fills and opens the Embed dialog for a page URL. */
export async function showEmbedDialog(pageUrl) {
  const answer = await getJson(`/oembed?format=json&url=${encodeURIComponent(pageUrl)}`);
  document.getElementById('embed-code').value = answer.html;
  document.getElementById('embed-script').value = resizeScript(location.origin);
  document.getElementById('embed-dialog').showModal();
  document.getElementById('embed-code').select();
}
