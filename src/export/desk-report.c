/* desk-report.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-labels.h"
#include "desk-report-private.h"
#include "desk-time.h"

/**
 * desk_report_what_title:
 *
 * Returns: (transfer none): the title of a report of @what, e.g. "Incident status report"
 */
const char *
desk_report_what_title (DeskExportWhat what)
{
  switch (what)
    {
    case DESK_EXPORT_WHAT_CHECKLISTS:
      return _("Remediation checklists");
    case DESK_EXPORT_WHAT_STATUS:
      return _("Incident status report");
    case DESK_EXPORT_WHAT_LEDGER:
      return _("Notification ledger");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * desk_report_gather:
 * @incident: the incident to report on
 * @checklist: (nullable): with %DESK_EXPORT_WHAT_CHECKLISTS, the one checklist to report;
 *   %NULL for all of the incident's
 *
 * Reads what the export of @what holds from @store, at the store's current time (which also
 * tells overdue items and late notices). It runs a few queries, none of them over the accounts,
 * and may run on a worker thread.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
DeskReport *
desk_report_gather (DeskStore       *store,
                    DeskExportWhat   what,
                    DeskIncident    *incident,
                    DeskChecklist   *checklist,
                    GError         **error)
{
  g_autoptr(DeskReport) report = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (checklist == NULL || DESK_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (checklist == NULL || what == DESK_EXPORT_WHAT_CHECKLISTS, NULL);

  if (checklist != NULL &&
      desk_record_get_int (DESK_RECORD (checklist), "incident-id") !=
      desk_record_get_id (DESK_RECORD (incident)))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                   _("The checklist “%s” is not one of the incident’s"),
                   desk_record_get_string (DESK_RECORD (checklist), "title"));
      return NULL;
    }

  report = desk_report_new (what, desk_report_what_title (what), incident, desk_store_now (store));
  if (checklist != NULL)
    report->scope = g_strdup (desk_record_get_uuid (DESK_RECORD (checklist)));

  switch (what)
    {
    case DESK_EXPORT_WHAT_CHECKLISTS:
      ok = _desk_report_add_checklists (report, store, incident, checklist, error);
      break;
    case DESK_EXPORT_WHAT_STATUS:
      ok = _desk_report_add_status (report, store, incident, error);
      break;
    case DESK_EXPORT_WHAT_LEDGER:
      ok = _desk_report_add_ledger (report, store, incident, error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return ok ? g_steal_pointer (&report) : NULL;
}

/**
 * desk_report_new:
 * @title: what the document is, e.g. "Status report"
 * @exported_at: when it is made, in seconds since the epoch
 *
 * Its days and times are in @incident's time zone, as the window shows them.
 *
 * Returns: (transfer full): a report on @incident without sections
 */
DeskReport *
desk_report_new (DeskExportWhat  what,
                 const char     *title,
                 DeskIncident   *incident,
                 gint64          exported_at)
{
  DeskRecord *record = DESK_RECORD (incident);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autofree char *when = NULL;
  const char *name, *abbreviation;
  DeskReport *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);

  zone = desk_time_zone_for (desk_record_get_string (record, "time-zone"));
  then = desk_time_in_zone (exported_at, zone);
  when = desk_report_format_time (exported_at, zone);
  name = g_time_zone_get_identifier (zone);
  abbreviation = then ? g_date_time_get_timezone_abbreviation (then) : "";

  self = g_new0 (DeskReport, 1);
  self->what = what;
  self->title = g_strdup (title);
  self->incident_id = desk_record_get_id (record);
  self->incident_uuid = g_strdup (desk_record_get_uuid (record));
  self->incident_title = g_strdup (desk_record_get_string (record, "title"));
  self->incident_summary = desk_incident_summary (desk_record_get_enum (record, "status"),
                                                  desk_record_get_enum (record, "severity"),
                                                  desk_record_get_int (record, "detected-at"),
                                                  zone);
  self->zone = g_time_zone_ref (zone);
  if (g_str_equal (name, abbreviation) || *abbreviation == '\0')
    /* Translators: the time zone of a report's times, e.g. "Times in UTC" */
    self->zone_text = g_strdup_printf (_("Times in %s"), name);
  else
    /* Translators: the time zone of a report's times, by name and abbreviation, e.g. "Times in
     * Asia/Tokyo (JST)" */
    self->zone_text = g_strdup_printf (_("Times in %s (%s)"), name, abbreviation);
  self->exported_at = exported_at;
  /* Translators: when a report was made, e.g. "Exported 14 Apr 2026 10:32 JST" */
  self->exported_text = g_strdup_printf (_("Exported %s %s"), when, abbreviation);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_report_section_free);
  return self;
}

void
desk_report_free (DeskReport *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->incident_uuid);
  g_free (self->incident_title);
  g_free (self->incident_summary);
  g_time_zone_unref (self->zone);
  g_free (self->zone_text);
  g_free (self->exported_text);
  g_free (self->scope);
  g_free (self->compared_text);
  g_ptr_array_unref (self->sections);
  g_free (self);
}

/* Returns: (transfer none): a new section at the end of the report */
DeskReportSection *
desk_report_add_section (DeskReport *self,
                         const char *id,
                         const char *title)
{
  DeskReportSection *section;

  g_return_val_if_fail (self != NULL, NULL);

  section = desk_report_section_new (id, title, self->zone);
  g_ptr_array_add (self->sections, section);
  return section;
}

/**
 * desk_report_header_text:
 *
 * Returns: (transfer full): the line under a document's title: the incident's summary, when it
 *   was exported, the time zone of its times and what changes it marks, e.g. "Investigating ·
 *   High · 14 Apr 2026 · Exported 14 Apr 2026 10:32 JST · Times in Asia/Tokyo (JST)"
 */
char *
desk_report_header_text (DeskReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strjoin (" · ", self->incident_summary, self->exported_text, self->zone_text,
                    self->compared_text, NULL);
}
