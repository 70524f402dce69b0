<#-- Shared pieces of the authoring pages (inside the site's DSFR layout). -->
<#macro signedIn user csrf>
<div class="fr-grid-row fr-grid-row--right fr-mb-3w">
  <form method="post" action="/auteur/deconnexion" class="fr-ml-2w">
    <input type="hidden" name="csrf" value="${csrf}">
    <p class="fr-text--sm fr-mb-1w">${i18n("authoring.ui.signedInAs", user)} · <a class="fr-link fr-link--sm" href="/auteur/compte/jetons">${i18n("authoring.ui.tokens.link")}</a></p>
    <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm">${i18n("authoring.ui.logout")}</button>
  </form>
</div>
</#macro>

<#-- One generated input (see FormField): DSFR input group, required marker, error state. Sub-models nest
     (fieldsets, dotted names); rows of a multiple sub-model are added and removed with submit buttons that
     re-render the form (no JavaScript needed); the rich-text textarea is enhanced by js/authoring-form.js.
     The buttons that re-render the form (add/remove a row, search a reference, upload a file) need a page
     whose resource handles those actions and multipart forms (ContentFormResource sets formActions). -->
<#macro field f>
<#local id = "champ-" + f.name?replace(".", "-")>
<#local described = f.error?has_content?then(id + "-erreur", "")>
<#if f.control == "subform">
<fieldset class="fr-fieldset oc-subform<#if f.error?has_content> fr-fieldset--error</#if>" id="${id}" aria-labelledby="${id}-legende">
  <legend class="fr-fieldset__legend" id="${id}-legende">${f.label}<#if f.required> <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span></#if></legend>
  <#list f.children as child><div class="fr-fieldset__element"><@field f=child/></div></#list>
  <#if f.error?has_content><div class="fr-messages-group"><p class="fr-message fr-message--error" id="${described}">${f.error}</p></div></#if>
</fieldset>
<#elseif f.control == "subforms">
<fieldset class="fr-fieldset oc-subform<#if f.error?has_content> fr-fieldset--error</#if>" id="${id}" aria-labelledby="${id}-legende">
  <legend class="fr-fieldset__legend" id="${id}-legende">${f.label}<#if f.required> <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span></#if></legend>
  <input type="hidden" name="champ.${f.name}.lignes" value="${f.rows?size}">
  <#list f.rows as row>
  <#local rowId = id + "-" + row.index>
  <div class="fr-fieldset__element">
  <fieldset class="fr-fieldset oc-subform oc-subform--row" id="${rowId}" aria-labelledby="${rowId}-legende">
    <legend class="fr-fieldset__legend fr-text--md" id="${rowId}-legende">${i18n("authoring.ui.rows.item", f.label, row.index + 1)}</legend>
    <#list row.fields as child><div class="fr-fieldset__element"><@field f=child/></div></#list>
    <#if formActions!false><div class="fr-fieldset__element">
      <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left" name="action" value="retirer:${row.name}">${i18n("authoring.ui.rows.remove")}<span class="fr-sr-only">${i18n("authoring.ui.rows.removeWhich", f.label, row.index + 1)}</span></button>
    </div></#if>
  </fieldset>
  </div>
  <#else>
  <div class="fr-fieldset__element"><p class="fr-text--sm">${i18n("authoring.ui.rows.none")}</p></div>
  </#list>
  <#if formActions!false><div class="fr-fieldset__element">
    <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left" name="action" value="ajouter:${f.name}">${i18n("authoring.ui.rows.add")}<span class="fr-sr-only">${i18n("authoring.ui.rows.addTo", f.label)}</span></button>
  </div></#if>
  <#if f.error?has_content><div class="fr-messages-group"><p class="fr-message fr-message--error" id="${described}">${f.error}</p></div></#if>
</fieldset>
<#elseif f.control == "asset">
<fieldset class="fr-fieldset oc-asset<#if f.error?has_content> fr-fieldset--error</#if>" id="${id}" aria-labelledby="${id}-legende<#if described?has_content> ${described}</#if>">
  <legend class="fr-fieldset__legend" id="${id}-legende">${f.label}<#if f.required> <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span></#if>
    <span class="fr-hint-text">${f.choices?has_content?then(i18n("authoring.ui.asset.library"), i18n("authoring.ui.asset.empty"))}</span></legend>
  <div class="fr-fieldset__element">
    <div class="fr-radio-group">
      <input type="radio" id="${id}-aucun" name="champ.${f.name}" value=""<#if !f.value?has_content> checked</#if>>
      <label class="fr-label" for="${id}-aucun">${i18n("authoring.ui.asset.none")}</label>
    </div>
  </div>
  <#list f.choices as c>
  <div class="fr-fieldset__element fr-fieldset__element--inline">
    <div class="fr-radio-group fr-radio-rich">
      <input type="radio" id="${id}-${c?index}" name="champ.${f.name}" value="${c.value}"<#if c.selected> checked</#if>>
      <label class="fr-label" for="${id}-${c?index}">${c.label}</label>
      <div class="fr-radio-rich__img"><#if c.thumbnail?has_content><img src="${c.thumbnail}" alt="" loading="lazy"><#else><span class="fr-icon-file-pdf-line" aria-hidden="true"></span></#if></div>
    </div>
  </div>
  </#list>
  <#if formActions!false><div class="fr-fieldset__element">
    <div class="fr-upload-group">
      <label class="fr-label" for="${id}-fichier">${i18n("authoring.ui.asset.upload")}
        <span class="fr-hint-text">${i18n("authoring.ui.asset.uploadHint", maxUploadMb!10)}</span></label>
      <input class="fr-upload" type="file" id="${id}-fichier" name="fichier.${f.name}" accept="image/png,image/jpeg,image/gif,image/webp,application/pdf">
    </div>
    <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w" name="action" value="televerser:${f.name}">${i18n("authoring.ui.asset.uploadButton")}</button>
  </div></#if>
  <#if f.error?has_content><div class="fr-messages-group"><p class="fr-message fr-message--error" id="${described}">${f.error}</p></div></#if>
</fieldset>
<#elseif f.control == "checkbox">
<div class="fr-checkbox-group<#if f.error?has_content> fr-checkbox-group--error</#if> fr-mb-3w">
  <input type="checkbox" id="${id}" name="champ.${f.name}" value="true"<#if f.value == "true"> checked</#if><#if described?has_content> aria-describedby="${described}"</#if>>
  <label class="fr-label" for="${id}">${f.label}<#if f.required> <span aria-hidden="true">*</span></#if></label>
  <#if f.error?has_content><p class="fr-error-text" id="${described}">${f.error}</p></#if>
</div>
<#elseif f.control == "reference">
<div class="fr-select-group<#if f.error?has_content> fr-select-group--error</#if>">
  <label class="fr-label" for="${id}">${f.label}<#if f.required> <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span></#if>
    <span class="fr-hint-text">${i18n("authoring.ui.reference.hint")}</span></label>
  <select class="fr-select<#if f.error?has_content> fr-select--error</#if>" id="${id}" name="champ.${f.name}"<#if f.required> required aria-required="true"</#if><#if described?has_content> aria-describedby="${described}" aria-invalid="true"</#if>>
    <option value=""<#if !f.value?has_content> selected</#if>>${i18n("authoring.ui.reference.none")}</option>
    <#list f.choices as c><option value="${c.value}"<#if c.selected> selected</#if>>${c.label}</option></#list>
  </select>
  <#if f.error?has_content><p class="fr-error-text" id="${described}">${f.error}</p></#if>
</div>
<#if formActions!false><div class="fr-input-group oc-reference-search">
  <label class="fr-label" for="${id}-recherche">${i18n("authoring.ui.reference.search", f.label)}</label>
  <div class="fr-input-wrap fr-input-wrap--addon">
    <input class="fr-input" type="search" id="${id}-recherche" name="recherche.${f.name}" value="${f.search}" data-oc-search="${id}-chercher" autocomplete="off"<#if f.search?has_content> aria-describedby="${id}-resultats"</#if>>
    <button type="submit" class="fr-btn fr-btn--secondary" id="${id}-chercher" name="action" value="chercher:${f.name}">${i18n("authoring.ui.reference.searchButton")}</button>
  </div>
  <#if f.search?has_content>
  <p class="fr-info-text" id="${id}-resultats" role="status">${f.choices?filter(c -> !c.selected)?has_content?then(i18n("authoring.ui.reference.matches", f.search), i18n("authoring.ui.reference.noMatch", f.search))}</p>
  </#if>
</div></#if>
<#elseif f.control == "territory" || f.control == "territories">
<@territoryField f=f id=id described=described/>
<#else>
<div class="fr-input-group<#if f.error?has_content> fr-input-group--error</#if>">
  <label class="fr-label" for="${id}" id="${id}-libelle">${f.label}<#if f.required> <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span></#if>
    <#if f.control == "lines"><span class="fr-hint-text">${i18n("authoring.ui.form.hint.lines")}</span></#if>
    <#if f.control == "richtext"><span class="fr-hint-text">${i18n("authoring.ui.form.hint.richtextEditor")}</span></#if>
    <#if f.control == "date"><span class="fr-hint-text">${i18n("authoring.ui.form.hint.date")}</span></#if>
    <#if f.control == "url"><span class="fr-hint-text">${i18n("authoring.ui.form.hint.url")}</span></#if>
  </label>
  <#local common>id="${id}" name="champ.${f.name}"<#if f.required> required aria-required="true"</#if><#if described?has_content> aria-describedby="${described}" aria-invalid="true"</#if></#local>
  <#if f.control == "richtext">
  <@richTextToolbar id=id label=f.label/>
  <textarea class="fr-input<#if f.error?has_content> fr-input--error</#if>" rows="8" ${common?no_esc} data-oc-richtext>${f.value}</textarea>
  <#elseif f.control == "lines">
  <textarea class="fr-input<#if f.error?has_content> fr-input--error</#if>" rows="4" ${common?no_esc}>${f.value}</textarea>
  <#elseif f.control == "number">
  <input class="fr-input<#if f.error?has_content> fr-input--error</#if>" type="number" step="${f.step}" value="${f.value}" ${common?no_esc}>
  <#elseif f.control == "date">
  <input class="fr-input<#if f.error?has_content> fr-input--error</#if>" type="date" value="${f.value}" ${common?no_esc}>
  <#elseif f.control == "url">
  <input class="fr-input<#if f.error?has_content> fr-input--error</#if>" type="url" autocomplete="url" value="${f.value}" ${common?no_esc}>
  <#else>
  <input class="fr-input<#if f.error?has_content> fr-input--error</#if>" type="text" value="${f.value}" ${common?no_esc}>
  </#if>
  <#if f.error?has_content><p class="fr-error-text" id="${described}">${f.error}</p></#if>
</div>
</#if>
</#macro>

<#-- A territory property (TerritoryPicker): the key (one per line when multiple), the names of the territories
     it names, and a search over the collectivités whose results are picked with « Choisir » / « Ajouter »
     (a re-rendering button, so it works without JavaScript; js/authoring-form.js fills the results as one
     types). -->
<#macro territoryField f id described>
<#local multiple = f.control == "territories">
<div class="fr-input-group<#if f.error?has_content> fr-input-group--error</#if>">
  <label class="fr-label" for="${id}">${f.label}<#if f.required> <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span></#if>
    <span class="fr-hint-text">${i18n(multiple?then("authoring.ui.territory.hintMultiple", "authoring.ui.territory.hint"))}</span></label>
  <#local common>id="${id}" name="champ.${f.name}"<#if f.required> required aria-required="true"</#if><#if described?has_content> aria-describedby="${described}" aria-invalid="true"</#if></#local>
  <#if multiple>
  <textarea class="fr-input<#if f.error?has_content> fr-input--error</#if>" rows="3" ${common?no_esc}>${f.value}</textarea>
  <#else>
  <input class="fr-input<#if f.error?has_content> fr-input--error</#if>" type="text" value="${f.value}" autocomplete="off" ${common?no_esc}>
  </#if>
  <#if f.error?has_content><p class="fr-error-text" id="${described}">${f.error}</p></#if>
  <#if f.options?has_content>
  <p class="fr-text--sm fr-mb-0 fr-mt-1w" id="${id}-noms-titre">${i18n("authoring.ui.territory.named")}</p>
  <ul class="fr-text--sm oc-territory-names" aria-labelledby="${id}-noms-titre"><#list f.options as named><li>${named}</li></#list></ul>
  </#if>
</div>
<#if formActions!false>
<div class="fr-input-group oc-territory-search">
  <label class="fr-label" for="${id}-recherche">${i18n("authoring.ui.territory.search", f.label)}
    <span class="fr-hint-text">${i18n("authoring.ui.territory.searchHint")}</span></label>
  <div class="fr-input-wrap fr-input-wrap--addon">
    <input class="fr-input" type="search" id="${id}-recherche" name="recherche.${f.name}" value="${f.search}" autocomplete="off"
      data-oc-search="${id}-chercher" data-oc-territory-results="${id}-resultats" data-oc-territory-status="${id}-statut">
    <button type="submit" class="fr-btn fr-btn--secondary" id="${id}-chercher" name="action" value="chercher:${f.name}">${i18n("authoring.ui.reference.searchButton")}</button>
  </div>
  <p class="fr-info-text" id="${id}-statut" role="status" data-count="${i18n("authoring.ui.territory.resultsCount")}"
    data-none="${i18n("authoring.ui.reference.noMatch")}" data-error="${i18n("authoring.ui.territory.error")}"><#if f.search?has_content>${f.choices?has_content?then(i18n("authoring.ui.territory.matches", f.search), i18n("authoring.ui.reference.noMatch", f.search))}</#if></p>
  <div class="fr-select-group" id="${id}-resultats-groupe"<#if !f.choices?has_content> hidden</#if>>
    <label class="fr-label" for="${id}-resultats">${i18n("authoring.ui.territory.results", f.label)}</label>
    <select class="fr-select" id="${id}-resultats" name="champ.${f.name}.choix"
      data-label="${i18n("authoring.ui.territory.label")}" data-in="${i18n("authoring.ui.territory.in")}"<#list ["commune", "epci", "departement", "region"] as level> data-level-${level}="${i18n("authoring.ui.territory.level." + level)}"</#list>>
      <#list f.choices as c><option value="${c.value}"<#if c.selected> selected</#if>>${c.label}</option></#list>
    </select>
    <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" name="action" value="${multiple?then("joindre", "choisir")}:${f.name}">${i18n(multiple?then("authoring.ui.territory.add", "authoring.ui.territory.choose"))}</button>
  </div>
</div></#if>
</#macro>

<#-- The rich-text editor's toolbar, hidden until js/authoring-form.js starts the editor (Quill) on the
     textarea: only what the sanitiser keeps (bold, italic, two heading levels, lists, links). -->
<#macro richTextToolbar id label>
<div class="oc-rte__toolbar" id="${id}-outils" role="toolbar" aria-label="${i18n("authoring.ui.richtext.toolbar", label)}" aria-controls="${id}-editeur"
     data-link-prompt="${i18n("authoring.ui.richtext.linkPrompt")}" data-editor-label="${i18n("authoring.ui.richtext.editor", label)}" hidden>
  <button type="button" class="ql-bold fr-btn fr-btn--tertiary fr-btn--sm">${i18n("authoring.ui.richtext.bold")}</button>
  <button type="button" class="ql-italic fr-btn fr-btn--tertiary fr-btn--sm">${i18n("authoring.ui.richtext.italic")}</button>
  <button type="button" class="ql-header fr-btn fr-btn--tertiary fr-btn--sm" value="2">${i18n("authoring.ui.richtext.h2")}</button>
  <button type="button" class="ql-header fr-btn fr-btn--tertiary fr-btn--sm" value="3">${i18n("authoring.ui.richtext.h3")}</button>
  <button type="button" class="ql-list fr-btn fr-btn--tertiary fr-btn--sm" value="bullet">${i18n("authoring.ui.richtext.bullet")}</button>
  <button type="button" class="ql-list fr-btn fr-btn--tertiary fr-btn--sm" value="ordered">${i18n("authoring.ui.richtext.ordered")}</button>
  <button type="button" class="ql-link fr-btn fr-btn--tertiary fr-btn--sm">${i18n("authoring.ui.richtext.link")}</button>
  <button type="button" class="ql-clean fr-btn fr-btn--tertiary fr-btn--sm">${i18n("authoring.ui.richtext.clean")}</button>
</div>
</#macro>

<#-- The outcome of the last action: an error (with role alert) or a confirmation. -->
<#macro messages>
<#if error??>
<div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><p>${error}</p></div>
</#if>
<#if success??>
<div class="fr-alert fr-alert--success fr-mb-3w" role="status"><p>${success}</p></div>
</#if>
</#macro>

<#-- The "Programmer" fieldset (see ScheduleForm): publish and unpublish date and time in Paris time, the
     current schedule and its cancel button. Shown only when the model has schedule (those who may publish). -->
<#macro schedule s action csrf>
<section class="fr-mt-5w" aria-labelledby="programmation-titre">
  <h2 id="programmation-titre">${i18n("authoring.ui.schedule.legend")}</h2>
  <#if s.current>
  <p>${i18n("authoring.ui.schedule.current")}</p>
  <ul>
    <#if s.publishAt?has_content><li><time datetime="${s.publishIso}">${i18n("authoring.ui.schedule.currentPublish", s.publishAt)}</time></li></#if>
    <#if s.unpublishAt?has_content><li><time datetime="${s.unpublishIso}">${i18n("authoring.ui.schedule.currentUnpublish", s.unpublishAt)}</time></li></#if>
  </ul>
  <form method="post" action="${action}" class="fr-mb-3w">
    <input type="hidden" name="csrf" value="${csrf}">
    <button type="submit" class="fr-btn fr-btn--tertiary" name="action" value="deprogrammer">${i18n("authoring.ui.schedule.cancel")}</button>
  </form>
  <#else>
  <p>${i18n("authoring.ui.schedule.none")}</p>
  </#if>
  <form method="post" action="${action}" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    <fieldset class="fr-fieldset" aria-describedby="programmation-aide">
      <legend class="fr-fieldset__legend">${i18n("authoring.ui.schedule.legend")}
        <span class="fr-hint-text" id="programmation-aide">${i18n("authoring.ui.schedule.hint")}</span></legend>
      <#list [["publication", i18n("authoring.ui.schedule.publish")], ["retrait", i18n("authoring.ui.schedule.unpublish")]] as field>
      <#local name = field[0]>
      <#local error = s[name + "Error"]>
      <div class="fr-fieldset__element">
        <fieldset class="fr-fieldset<#if error?has_content> fr-fieldset--error</#if>" id="${name}" aria-labelledby="${name}-legende">
          <legend class="fr-fieldset__legend fr-text--regular" id="${name}-legende">${field[1]}</legend>
          <div class="fr-fieldset__element fr-fieldset__element--inline">
            <div class="fr-input-group<#if error?has_content> fr-input-group--error</#if>">
              <label class="fr-label" for="${name}-date">${i18n("authoring.ui.schedule.date")}</label>
              <input class="fr-input<#if error?has_content> fr-input--error</#if>" type="date" id="${name}-date" name="${name}-date" value="${s[name + "Date"]}"<#if error?has_content> aria-invalid="true" aria-describedby="${name}-erreur"</#if>>
            </div>
          </div>
          <div class="fr-fieldset__element fr-fieldset__element--inline">
            <div class="fr-input-group<#if error?has_content> fr-input-group--error</#if>">
              <label class="fr-label" for="${name}-heure">${i18n("authoring.ui.schedule.time")}</label>
              <input class="fr-input<#if error?has_content> fr-input--error</#if>" type="time" id="${name}-heure" name="${name}-heure" value="${s[name + "Time"]}"<#if error?has_content> aria-invalid="true" aria-describedby="${name}-erreur"</#if>>
            </div>
          </div>
          <#if error?has_content><div class="fr-messages-group"><p class="fr-message fr-message--error" id="${name}-erreur">${error}</p></div></#if>
        </fieldset>
      </div>
      </#list>
    </fieldset>
    <button type="submit" class="fr-btn fr-btn--secondary" name="action" value="programmer">${i18n("authoring.ui.schedule.action")}</button>
  </form>
</section>
</#macro>
