// The request form: choosing another type reloads the form with that type's questions,
// and after a refused submission focus moves to the summary of what to correct.
(function () {
  "use strict";
  var select = document.getElementById("type");
  if (select) {
    select.addEventListener("change", function () {
      var params = new URLSearchParams(window.location.search);
      params.set("type", select.value);
      window.location.search = params.toString();
    });
  }
  // The question asked in the chat before its handoff (chat.js keeps it in sessionStorage, never in the URL):
  // it starts the "details" field, once, if the visitor has not written anything there yet.
  var KEY = "pa-handoff-details";
  try {
    var carried = window.sessionStorage.getItem(KEY);
    window.sessionStorage.removeItem(KEY);
    var details = document.getElementById("details");
    if (carried && details && !details.value.trim()) {
      details.value = details.maxLength > 0 ? carried.slice(0, details.maxLength) : carried;
    }
  } catch (e) { /* storage disabled: nothing to carry */ }
  var summary = document.getElementById("form-errors");
  if (summary) summary.focus();
})();
