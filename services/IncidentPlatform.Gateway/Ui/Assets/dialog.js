// The one modal dialog: a question, what it concerns, and an optional comment. Resolves to { ok, comment }.
import { $ } from './dom.js';

export function ask({ title, body = [], ok, okClass = 'btn btn-primary', comment = 'Comment' }) {
  const dialog = $('confirm');
  $('confirm-title').textContent = title;
  $('confirm-body').replaceChildren(...body.filter(Boolean));
  $('confirm-comment-label').textContent = comment;
  $('confirm-comment').value = '';
  const button = $('confirm-ok');
  button.textContent = ok;
  button.className = okClass;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve({ ok: dialog.returnValue === 'ok', comment: $('confirm-comment').value.trim() }),
      { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    $('confirm-comment').focus();
  });
}
