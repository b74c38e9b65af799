// A link written as /policy#<clause id> (before versions, or to a clause reworded since) names no clause of the
// version in force: ask the server which version has it, and go there.
(function (script) {
  function follow() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id) || !/^[a-z0-9-]{1,200}$/.test(id)) return;
    location.replace(script.dataset.clauseUrl.replace("__id__", encodeURIComponent(id)));
  }
  follow();
  window.addEventListener("hashchange", follow);
})(document.currentScript);
