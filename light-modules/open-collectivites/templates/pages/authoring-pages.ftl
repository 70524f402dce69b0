<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/">${i18n("authoring.ui.form.back")}</a></p>
  <h1>${title}</h1>
  <@ui.messages/>
  <#if place?starts_with("sites/")><p><a class="fr-link fr-icon-settings-5-line fr-link--icon-left" href="/auteur/${place}/reglages">${i18n("authoring.ui.settings.link")}</a></p></#if>
  <#if rows?has_content>
  <#-- The rename and delete forms post to the page editor's routes (PageEditorResource), which decide again. -->
  <#assign manageable = rows?filter(r -> r.actions.canDelete || r.actions.canRename)?has_content>
  <#if rows?filter(r -> r.actions.canDelete && !r.actions.live)?has_content><p class="fr-text--sm">${i18n("authoring.ui.page.deleteHint")}</p></#if>
  <div class="fr-table"><table>
    <caption>${i18n("authoring.ui.pages.caption", placeLabel)}</caption>
    <thead><tr><th scope="col">${i18n("authoring.ui.dashboard.col.title")}</th><th scope="col">${i18n("authoring.ui.pages.col.name")}</th><th scope="col">${i18n("authoring.ui.dashboard.col.status")}</th><th scope="col">${i18n("authoring.ui.pages.col.preview")}</th><#if manageable><th scope="col">${i18n("authoring.ui.page.manage")}</th></#if></tr></thead>
    <tbody>
    <#list rows as row>
      <tr><td><a href="${row.editUrl}">${row.title}</a></td><td>${row.name}</td><td><p class="fr-badge fr-badge--sm">${statuses[row.status]}</p></td>
        <td><a class="fr-link" href="${row.previewUrl}">${i18n("authoring.ui.pages.previewOf", row.title)}</a></td>
        <#if manageable><td>
        <#if row.actions.live && (row.actions.canDelete || row.actions.canRename)>
          <p class="fr-text--sm fr-mb-0">${i18n("authoring.ui.pages.liveFirst")}</p>
        <#elseif !row.actions.live>
          <#if row.actions.canRename>
          <form method="post" action="${row.editUrl}/renommer" novalidate>
            <input type="hidden" name="csrf" value="${csrf}">
            <input type="hidden" name="retour" value="liste">
            <div class="fr-input-group fr-mb-1w">
              <label class="fr-label" for="nouveau-nom-${row?index}">${i18n("authoring.ui.pages.newNameOf", row.title)}</label>
              <input class="fr-input" type="text" id="nouveau-nom-${row?index}" name="nouveauNom" value="${row.name}" required aria-required="true">
            </div>
            <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm">${i18n("authoring.ui.page.rename")}<span class="fr-sr-only">${i18n("authoring.ui.pages.whichPage", row.title)}</span></button>
          </form>
          </#if>
          <#if row.actions.canDelete>
          <form method="post" action="${row.editUrl}/supprimer" class="fr-mt-1w">
            <input type="hidden" name="csrf" value="${csrf}">
            <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-delete-line fr-btn--icon-left">${i18n("authoring.ui.pages.delete")}<span class="fr-sr-only">${i18n("authoring.ui.pages.whichPage", row.title)}</span></button>
          </form>
          </#if>
        </#if>
        </td></#if></tr>
    </#list>
    </tbody>
  </table></div>
  <#else>
  <p>${i18n("authoring.ui.pages.none")}</p>
  </#if>
  <#if canCreate>
  <h2 class="fr-mt-5w">${i18n("authoring.ui.pages.new")}</h2>
  <p class="fr-text--sm">${i18n("authoring.ui.form.requiredNote")}</p>
  <form method="post" action="${action}" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    <div class="fr-select-group<#if templateError?has_content> fr-select-group--error</#if>">
      <label class="fr-label" for="gabarit">${i18n("authoring.ui.pages.template")} <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span>
        <#if templates?size gt 1><span class="fr-hint-text">${i18n("authoring.ui.pages.hint.template")}</span></#if></label>
      <select class="fr-select" id="gabarit" name="gabarit"<#if templateError?has_content> aria-invalid="true" aria-describedby="gabarit-erreur"</#if>>
        <#list templates as value, label>
        <option value="${value}"<#if value == template> selected</#if>>${label}</option>
        </#list>
      </select>
      <#if templateError?has_content><p class="fr-error-text" id="gabarit-erreur">${templateError}</p></#if>
    </div>
    <div class="fr-input-group<#if nameError?has_content> fr-input-group--error</#if>">
      <label class="fr-label" for="nom">${i18n("authoring.ui.pages.name")} <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span>
        <span class="fr-hint-text">${i18n("authoring.ui.pages.hint.name")}</span></label>
      <input class="fr-input<#if nameError?has_content> fr-input--error</#if>" type="text" id="nom" name="nom" value="${name}" required aria-required="true"<#if nameError?has_content> aria-invalid="true" aria-describedby="nom-erreur"</#if>>
      <#if nameError?has_content><p class="fr-error-text" id="nom-erreur">${nameError}</p></#if>
    </div>
    <#list fields as f><@ui.field f=f/></#list>
    <button type="submit" class="fr-btn fr-mt-2w">${i18n("authoring.ui.pages.create")}</button>
  </form>
  </#if>
</div>
</@layout.page>
