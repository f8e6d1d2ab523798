/* desk-report-status.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The incident status report, for the weekly meeting: the incident, its key figures (counted
 * and announced apart, contracts per category and without duplicates), how far notification
 * has come by status (with its chart over time against the deadlines) and by channel, the
 * notices still to send, the open checklist items and the latest lines of the incident's
 * history. */

#define G_LOG_DOMAIN "desk-report-status"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-audit-entry.h"
#include "desk-history.h"
#include "desk-labels.h"
#include "desk-report-private.h"

/* Lines of the history a report shows, newest first. */
#define RECENT_LINES 12

/* Helpers {{{ */

static void
add_text_fact (DeskReportTable *facts,
               const char      *key,
               const char      *title,
               const char      *text)
{
  desk_report_table_add_column (facts, key, title, DESK_REPORT_TEXT, DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_text (facts, text);
}

static void
add_time_fact (DeskReportTable *facts,
               const char      *key,
               const char      *title,
               gint64           seconds)
{
  desk_report_table_add_column (facts, key, title, DESK_REPORT_TIME, DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_date (facts, seconds, NULL, FALSE);
}

/* A row of the key figures: counted, and the announced estimate when there is one. The figure's
 * word (@nick) tells the row apart from one export to the next, unless there are several rows of
 * the kind, as the breach categories: @key does then. */
static void
add_figure (DeskReportTable    *table,
            DeskReportRowFlags  flags,
            const char         *nick,
            const char         *key,
            const char         *label,
            gint64              counted,
            gint64              announced)
{
  desk_report_table_begin_row (table, flags);
  if (key != NULL)
    desk_report_table_set_key (table, key);
  desk_report_table_add_label (table, nick, label);
  desk_report_table_add_count (table, counted);
  if (announced > 0)
    desk_report_table_add_count (table, announced);
  else
    desk_report_table_add_blank (table);
}

/* }}} */
/* Sections {{{ */

static void
add_incident_section (DeskReport *report,
                      DeskRecord *incident)
{
  DeskReportSection *section = desk_report_add_section (report, "incident", _("Incident"));
  DeskReportTable *facts = desk_report_section_get_facts (section);
  DeskIncidentStatus status = desk_record_get_enum (incident, "status");
  DeskSeverity severity = desk_record_get_enum (incident, "severity");

  desk_report_section_set_text (section, desk_record_get_string (incident, "summary"));

  add_text_fact (facts, "service", C_("fact", "Service"),
                 desk_record_get_string (incident, "service"));
  desk_report_table_add_column (facts, "status", C_("fact", "Status"), DESK_REPORT_LABEL,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_enum (facts, DESK_TYPE_INCIDENT_STATUS, status,
                              desk_incident_status_label (status));
  desk_report_table_add_column (facts, "severity", C_("fact", "Severity"), DESK_REPORT_LABEL,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_enum (facts, DESK_TYPE_SEVERITY, severity,
                              desk_severity_label (severity));
  add_time_fact (facts, "occurred_at", C_("fact", "Occurred"),
                 desk_record_get_int (incident, "occurred-at"));
  add_time_fact (facts, "detected_at", C_("fact", "Detected"),
                 desk_record_get_int (incident, "detected-at"));
  add_time_fact (facts, "disclosed_at", C_("fact", "Disclosed"),
                 desk_record_get_int (incident, "disclosed-at"));
  add_time_fact (facts, "closed_at", C_("fact", "Closed"),
                 desk_record_get_int (incident, "closed-at"));
  add_text_fact (facts, "cause", C_("fact", "Cause"), desk_record_get_string (incident, "cause"));
  add_text_fact (facts, "vulnerability_refs", C_("fact", "Vulnerabilities"),
                 desk_record_get_string (incident, "vulnerability-refs"));
}

static void
add_figures_section (DeskReport      *report,
                     const DeskStats *stats)
{
  DeskReportSection *section = desk_report_add_section (report, "key-figures",
                                                        _("Key figures"));
  DeskReportTable *table = desk_report_section_add_table (section);

  desk_report_table_add_column (table, "figure", C_("column", "Figure"), DESK_REPORT_LABEL,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "counted", C_("column", "Counted"), DESK_REPORT_COUNT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "announced", C_("column", "Announced (estimate)"),
                                DESK_REPORT_COUNT, DESK_REPORT_COLUMN_NONE);

  add_figure (table, DESK_REPORT_ROW_NONE, "potential_accounts", NULL,
              _("Accounts potentially affected"), stats->potential_accounts,
              stats->estimated_potential);
  add_figure (table, DESK_REPORT_ROW_NONE, "confirmed_accounts", NULL, _("Accounts confirmed"),
              stats->confirmed_accounts, stats->estimated_confirmed);
  add_figure (table, DESK_REPORT_ROW_NONE, "contracts_affected", NULL, _("Contracts affected"),
              stats->contracts_affected, 0);
  add_figure (table, DESK_REPORT_ROW_NONE, "contracts_confirmed", NULL, _("Contracts confirmed"),
              stats->contracts_confirmed, 0);
  for (guint i = 0; i < stats->categories->len; i++)
    {
      const DeskCategoryCount *count = g_ptr_array_index (stats->categories, i);

      add_figure (table, DESK_REPORT_ROW_DETAIL, "category", count->uuid, count->name,
                  count->contracts, 0);
    }
  add_figure (table, DESK_REPORT_ROW_DETAIL, "contracts_unique", NULL,
              _("In a breach category, without duplicates"), stats->contracts_unique, 0);

  if (stats->estimated_potential > 0 || stats->estimated_confirmed > 0)
    desk_report_section_set_text (section,
                                  _("Announced estimates are the figures published for the "
                                    "incident; counted figures come from the imported account "
                                    "lists. Contracts in several breach categories count once "
                                    "in each."));
  else
    desk_report_section_set_text (section,
                                  _("Contracts in several breach categories count once in "
                                    "each."));
}

/* The chart of notices over time against the incident's deadlines, as the Notifications page
 * draws it. */
static gboolean
add_progress_chart (DeskReportSection  *section,
                    DeskReport         *report,
                    DeskStore          *store,
                    DeskIncident       *incident,
                    GError            **error)
{
  gint64 incident_id = desk_record_get_id (DESK_RECORD (incident));
  g_autoptr(DeskNoticeProgress) progress = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(DeskChart) chart = NULL;

  if (!(progress = desk_store_get_notice_progress (store, incident_id, error)) ||
      !(deadlines = desk_store_list_deadlines (store, incident_id, error)))
    return FALSE;

  chart = desk_chart_new_notice_progress (progress, deadlines, report->zone,
                                          report->exported_at);
  if (!desk_chart_is_empty (chart))
    desk_report_section_set_chart (section, chart);

  return TRUE;
}

static gboolean
add_progress_section (DeskReport       *report,
                      DeskStore        *store,
                      DeskIncident     *incident,
                      const DeskStats  *stats,
                      GError          **error)
{
  DeskReportSection *section = desk_report_add_section (report, "notifications",
                                                        _("Notification progress"));
  DeskReportTable *table = desk_report_section_add_table (section);
  g_autofree char *notified = desk_format_count (stats->customers_notified);
  g_autofree char *to_notify = desk_format_count (stats->customers_to_notify);
  g_autofree char *text = NULL;

  /* Translators: customers told of those to tell, e.g. "412 of 606 customers notified." */
  text = g_strdup_printf (_("%s of %s customers notified."), notified, to_notify);
  desk_report_section_set_text (section, text);

  desk_report_table_add_column (table, "status", C_("column", "Status"), DESK_REPORT_LABEL,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "notices", C_("column", "Notices"), DESK_REPORT_COUNT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_set_empty_text (table, _("No notices yet."));

  for (DeskNotificationStatus status = 0; status < DESK_N_NOTIFICATION_STATUSES; status++)
    {
      if (stats->notifications[status] == 0)
        continue;

      desk_report_table_begin_row (table, DESK_REPORT_ROW_NONE);
      desk_report_table_add_enum (table, DESK_TYPE_NOTIFICATION_STATUS, status,
                                  desk_notification_status_label (status));
      desk_report_table_add_count (table, stats->notifications[status]);
    }

  return add_progress_chart (section, report, store, incident, error);
}

static void
add_channels_section (DeskReport      *report,
                      const DeskStats *stats)
{
  DeskReportSection *section = desk_report_add_section (report, "channels",
                                                        _("Customer notices by channel"));
  DeskReportTable *table = desk_report_section_add_table (section);

  desk_report_table_add_column (table, "channel", C_("column", "Channel"), DESK_REPORT_LABEL,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "to_notify", C_("column", "To notify"), DESK_REPORT_COUNT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "notified", C_("column", "Notified"), DESK_REPORT_COUNT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "progress", C_("column", "Progress"), DESK_REPORT_PERCENT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_set_empty_text (table, _("No customer notices yet."));

  for (DeskChannel channel = 0; channel < DESK_N_CHANNELS; channel++)
    {
      if (stats->channel_to_notify[channel] == 0)
        continue;

      desk_report_table_begin_row (table, DESK_REPORT_ROW_NONE);
      desk_report_table_add_enum (table, DESK_TYPE_CHANNEL, channel,
                                  desk_channel_label (channel));
      desk_report_table_add_count (table, stats->channel_to_notify[channel]);
      desk_report_table_add_count (table, stats->channel_notified[channel]);
      desk_report_table_add_percent (table, stats->channel_notified[channel],
                                     stats->channel_to_notify[channel]);
    }
}

/* The newest lines of the incident's history, as the History page shows them: the events people
 * entered and the changes made, in sentences ("Ito marked 10 notices Sent"). */
static gboolean
add_timeline_section (DeskReport    *report,
                      DeskStore     *store,
                      DeskIncident  *incident,
                      GError       **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  DeskReportSection *section;
  DeskReportTable *table;

  if (!(lines = desk_history_gather (store, desk_record_get_id (DESK_RECORD (incident)),
                                     RECENT_LINES, NULL, error)))
    return FALSE;

  section = desk_report_add_section (report, "timeline", _("Recent timeline"));
  table = desk_report_section_add_table (section);
  desk_report_table_add_column (table, "happened_at", C_("column", "When"), DESK_REPORT_TIME,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "text", C_("column", "Event"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "actor", C_("column", "By"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_set_empty_text (table, _("No timeline entries yet."));

  for (guint i = 0; i < MIN (lines->len, RECENT_LINES); i++)
    {
      DeskHistoryGroup *line = g_ptr_array_index (lines, i);
      g_autofree char *text = desk_history_group_describe (line);
      g_autofree char *key = NULL;
      const char *actor = NULL;

      /* A change's sentence names who made it ("Ito marked …"); an event says who entered it in
       * a column of its own. */
      if (DESK_IS_EVENT (line->entry))
        {
          key = g_strdup (desk_record_get_uuid (DESK_RECORD (line->entry)));
          actor = desk_record_get_string (DESK_RECORD (line->entry), "actor");
        }
      else
        {
          DeskAuditEntry *entry = DESK_AUDIT_ENTRY (line->entry);

          /* A record changes more than once: its UUID and the time of the change tell the line
           * apart from one export to the next. */
          key = g_strdup_printf ("%s@%lld", desk_audit_entry_get_record_uuid (entry),
                                 (long long) desk_audit_entry_get_at (entry));
        }

      desk_report_table_begin_row (table, DESK_REPORT_ROW_NONE);
      desk_report_table_set_key (table, key);
      desk_report_table_add_date (table, desk_history_group_get_time (line), NULL, FALSE);
      desk_report_table_add_text (table, text);
      desk_report_table_add_text (table, actor);
    }

  if (lines->len > RECENT_LINES)
    {
      g_autofree char *text = NULL;

      /* Translators: the timeline entries a report shows, e.g. "The 12 latest of 30 entries." */
      text = g_strdup_printf (ngettext ("The %u latest of %u entry.",
                                        "The %u latest of %u entries.", lines->len),
                              RECENT_LINES, lines->len);
      desk_report_section_set_text (section, text);
    }

  return TRUE;
}

/* }}} */

gboolean
_desk_report_add_status (DeskReport     *report,
                         DeskStore      *store,
                         DeskIncident   *incident,
                         GError        **error)
{
  g_autoptr(DeskStats) stats = NULL;

  if (!(stats = desk_store_get_stats (store, desk_record_get_id (DESK_RECORD (incident)), error)))
    return FALSE;

  add_incident_section (report, DESK_RECORD (incident));
  add_figures_section (report, stats);
  if (!add_progress_section (report, store, incident, stats, error))
    return FALSE;
  add_channels_section (report, stats);

  return _desk_report_add_pending_notices (report, store, incident, error) &&
         _desk_report_add_other_notices (report, store, incident, error) &&
         _desk_report_add_open_items (report, store, incident, error) &&
         add_timeline_section (report, store, incident, error);
}
