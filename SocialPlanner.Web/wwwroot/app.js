// Fills every field marked data-browser-time-zone with the browser's IANA time zone (sign-up sends it, so a new
// account shows and schedules times where the user lives). Run on a full load, after Blazor's enhanced navigation
// (which does not fire DOMContentLoaded again) and, to be sure, just before any form is submitted.
(() => {
  const fill = () => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.querySelectorAll('input[data-browser-time-zone]').forEach(input => { input.value = zone || ''; });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fill);
  } else {
    fill();
  }
  window.Blazor?.addEventListener?.('enhancedload', fill);
  document.addEventListener('submit', fill, true);
})();

// The layout asks this when the menu opens: on a phone-sized screen the open menu covers the page and closes once a
// page is chosen.
window.socialPlanner = {
  isNarrow: () => window.matchMedia('(max-width: 768px)').matches,

  // The calendar: drafts from the side panel ([data-draft-id]) can be dropped on any slot ([data-slot], a day or a
  // day and time); the page schedules them. Listening on the board, so the scheduler's re-renders keep it working.
  acceptDrafts: (board, page) => {
    const type = 'application/x-socialplanner-draft';
    board.addEventListener('dragstart', e => {
      const draft = e.target.closest?.('[data-draft-id]');
      if (draft) {
        e.dataTransfer.setData(type, draft.dataset.draftId);
        e.dataTransfer.effectAllowed = 'move';
      }
    });
    board.addEventListener('dragover', e => {
      if (e.dataTransfer.types.includes(type) && e.target.closest?.('[data-slot]')) {
        e.preventDefault();
      }
    });
    board.addEventListener('drop', e => {
      const slot = e.target.closest?.('[data-slot]');
      const id = e.dataTransfer.getData(type);
      if (slot && id) {
        e.preventDefault();
        e.stopPropagation();
        page.invokeMethodAsync('DropDraftAsync', id, slot.dataset.slot);
      }
    }, true);
  },

  // Scrolls the week or day view so the slots at the given time ("08:00") are at the top.
  scrollToSlotTime: (board, time) => {
    const slot = board.querySelector(`[data-slot$="T${time}"]`);
    let view = slot?.parentElement;
    while (view && !(view.scrollHeight > view.clientHeight && /auto|scroll/.test(getComputedStyle(view).overflowY))) {
      view = view.parentElement;
    }
    if (slot && view) {
      view.scrollTop += slot.getBoundingClientRect().top - view.getBoundingClientRect().top;
    }
  },
};
