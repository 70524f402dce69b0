<#-- Shared pieces of the administration pages (inside the site's DSFR layout). -->
<#import "ui.ftl" as ui>
<#macro nav current>
<nav class="fr-mb-5w" aria-label="${i18n("authoring.ui.admin.nav")}">
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/">${i18n("authoring.ui.admin.back")}</a></p>
  <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
    <#list ["utilisateurs", "jetons", "journal", "imports", "mini-sites"] as s>
    <li><a class="fr-btn<#if s != current> fr-btn--secondary</#if>" href="/auteur/admin/${s}"<#if s == current> aria-current="page"</#if>>${i18n("authoring.ui.admin.section." + s)}</a></li>
    </#list>
  </ul>
</nav>
</#macro>

<#-- The opening of an administration page: sign-out, menu, title, messages. -->
<#macro page>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <@nav current=section/>
  <h1>${title}</h1>
  <@alerts/>
  <#nested>
</div>
</#macro>

<#macro alerts>
  <#if error??>
  <div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><p>${error}</p></div>
  </#if>
  <#if success??>
  <div class="fr-alert fr-alert--success fr-mb-3w" role="status"><p>${success}</p></div>
  </#if>
</#macro>

<#-- A text input with its label, hint and error (errors: map of field name to message). -->
<#macro input name label value="" type="text" hint="" errors={} autocomplete="" required=false>
<#assign err = errors[name]!"">
<#assign describedBy = []>
<#if hint?has_content><#assign describedBy = describedBy + [name + "-aide"]></#if>
<#if err?has_content><#assign describedBy = describedBy + [name + "-erreur"]></#if>
<div class="fr-input-group<#if err?has_content> fr-input-group--error</#if>">
  <label class="fr-label" for="${name}">${label}<#if required> <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span></#if>
    <#if hint?has_content><span class="fr-hint-text" id="${name}-aide">${hint}</span></#if>
  </label>
  <input class="fr-input<#if err?has_content> fr-input--error</#if>" type="${type}" id="${name}" name="${name}" value="${value}"<#if autocomplete?has_content> autocomplete="${autocomplete}"</#if><#if required> required aria-required="true"</#if><#if describedBy?has_content> aria-describedby="${describedBy?join(" ")}"</#if><#if err?has_content> aria-invalid="true"</#if>>
  <#if err?has_content><p class="fr-error-text" id="${name}-erreur">${err}</p></#if>
</div>
</#macro>

<#-- Checkboxes (choices: value, label, checked) in a DSFR fieldset. -->
<#macro checkboxes name legend choices empty="">
<fieldset class="fr-fieldset" id="${name}-groupe" aria-labelledby="${name}-legende">
  <legend class="fr-fieldset__legend fr-text--regular" id="${name}-legende">${legend}</legend>
  <#if choices?has_content>
  <#list choices as c>
  <div class="fr-fieldset__element">
    <div class="fr-checkbox-group">
      <input type="checkbox" id="${name}-${c.value}" name="${name}" value="${c.value}"<#if c.checked> checked</#if>>
      <label class="fr-label" for="${name}-${c.value}">${c.label}</label>
    </div>
  </div>
  </#list>
  <#else>
  <div class="fr-fieldset__element"><p class="fr-text--sm">${empty}</p></div>
  </#if>
</fieldset>
</#macro>
