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
  var summary = document.getElementById("form-errors");
  if (summary) summary.focus();
})();
