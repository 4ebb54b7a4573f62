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
};
