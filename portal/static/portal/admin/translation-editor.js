// wagtail-localize's translation editor is a React app built from the props of its view
// (the .js-translation-editor element). Some of its words never reach the editor's language:
// its section heading is an English template ("Français to Anglais translation"), one
// button's words are hard-coded ("More actions"), its catalogue lacks or mistranslates a few
// strings ("Publier dans" glued to the language), and the field labels of stream blocks
// come raw ("caption"). The portal's words (cms/wagtail_hooks.py, translation_editor_words)
// are set here before the app starts: this listener is added before the app's own.
(function () {
  "use strict";
  var data = document.getElementById("translation-editor-words");
  if (!data) return;
  var words = JSON.parse(data.textContent);

  function capfirst(text) {
    return text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
  }

  function capitalisedLabels(props) {
    (props.segments || []).forEach(function (segment) {
      segment.location.field = capfirst(segment.location.field);
      segment.location.subField = capfirst(segment.location.subField);
    });
    (props.tabs || []).forEach(function (tab) {
      tab.label = capfirst(tab.label);
    });
    return props;
  }

  // The app's own words, replaced wherever React renders them (tabs, re-renders).
  function relabeller(editor, props) {
    var english = props.sourceLocale.displayName + " to " + props.locale.displayName + " translation";
    var heading = words.heading
      .replace("%(source)s", props.sourceLocale.displayName)
      .replace("%(target)s", props.locale.displayName);
    var fixed = {};
    fixed[english] = heading;
    fixed["More actions"] = words.moreActions;
    return function () {
      editor.querySelectorAll("section h3, .w-sr-only").forEach(function (element) {
        var text = fixed[element.textContent];
        if (text !== undefined && text !== element.textContent) element.textContent = text;
      });
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var editor = document.querySelector(".js-translation-editor");
    if (!editor || !editor.dataset.props) return;
    if (window.django && window.django.catalog) Object.assign(window.django.catalog, words.catalog);
    var props = capitalisedLabels(JSON.parse(editor.dataset.props));
    editor.dataset.props = JSON.stringify(props);
    var relabel = relabeller(editor, props);
    new MutationObserver(relabel).observe(editor, { childList: true, subtree: true });
  });
})();
