<#-- Shared pieces of the authoring pages (inside the site's DSFR layout). -->
<#macro signedIn user csrf>
<div class="fr-grid-row fr-grid-row--right fr-mb-3w">
  <form method="post" action="/auteur/deconnexion" class="fr-ml-2w">
    <input type="hidden" name="csrf" value="${csrf}">
    <p class="fr-text--sm fr-mb-1w">${i18n("authoring.ui.signedInAs", user)}</p>
    <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm">${i18n("authoring.ui.logout")}</button>
  </form>
</div>
</#macro>

<#-- One generated input (see FormField): DSFR input group, required marker, error state. -->
<#macro field f>
<#assign id = "champ-" + f.name>
<#assign described = f.error?has_content?then(id + "-erreur", "")>
<#if f.control == "checkbox">
<div class="fr-checkbox-group<#if f.error?has_content> fr-checkbox-group--error</#if> fr-mb-3w">
  <input type="checkbox" id="${id}" name="champ.${f.name}" value="true"<#if f.value == "true"> checked</#if><#if described?has_content> aria-describedby="${described}"</#if>>
  <label class="fr-label" for="${id}">${f.label}<#if f.required> <span aria-hidden="true">*</span></#if></label>
  <#if f.error?has_content><p class="fr-error-text" id="${described}">${f.error}</p></#if>
</div>
<#else>
<div class="fr-input-group<#if f.error?has_content> fr-input-group--error</#if>">
  <label class="fr-label" for="${id}">${f.label}<#if f.required> <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span></#if>
    <#if f.control == "lines"><span class="fr-hint-text">${i18n("authoring.ui.form.hint.lines")}</span></#if>
    <#if f.control == "richtext"><span class="fr-hint-text">${i18n("authoring.ui.form.hint.richtext")}</span></#if>
    <#if f.control == "date"><span class="fr-hint-text">${i18n("authoring.ui.form.hint.date")}</span></#if>
  </label>
  <#assign common>id="${id}" name="champ.${f.name}"<#if f.required> required aria-required="true"</#if><#if described?has_content> aria-describedby="${described}" aria-invalid="true"</#if></#assign>
  <#if f.control == "richtext" || f.control == "lines">
  <textarea class="fr-input<#if f.error?has_content> fr-input--error</#if>" rows="${(f.control == "richtext")?then(8, 4)}" ${common?no_esc}>${f.value}</textarea>
  <#elseif f.control == "number">
  <input class="fr-input<#if f.error?has_content> fr-input--error</#if>" type="number" step="${f.step}" value="${f.value}" ${common?no_esc}>
  <#elseif f.control == "date">
  <input class="fr-input<#if f.error?has_content> fr-input--error</#if>" type="date" value="${f.value}" ${common?no_esc}>
  <#elseif f.control == "reference">
  <input class="fr-input<#if f.error?has_content> fr-input--error</#if>" type="text" list="${id}-liste" value="${f.value}" ${common?no_esc}>
  <datalist id="${id}-liste"><#list f.options as option><option value="${option}"></option></#list></datalist>
  <#else>
  <input class="fr-input<#if f.error?has_content> fr-input--error</#if>" type="text" value="${f.value}" ${common?no_esc}>
  </#if>
  <#if f.error?has_content><p class="fr-error-text" id="${described}">${f.error}</p></#if>
</div>
</#if>
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
