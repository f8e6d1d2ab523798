/* desk-report.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-export-enums.h"
#include "desk-export-enum-types.h"
#include "desk-report-section.h"
#include "desk-store.h"

G_BEGIN_DECLS

/**
 * DeskReport:
 * @what: what it reports on
 * @title: what the document is, e.g. "Status report"
 * @incident_id: the incident's local id
 * @incident_uuid: the incident's UUID
 * @incident_title: the incident's title
 * @incident_summary: its status, severity and detection day, e.g. "Investigating · High ·
 *   14 Apr 2026"
 * @zone: the incident's time zone, which every day and time of the report is in
 * @zone_text: the same for people, e.g. "Times in Asia/Tokyo (JST)"
 * @exported_at: when it was gathered, in seconds since the epoch
 * @exported_text: the same for people, e.g. "Exported 14 Apr 2026 10:32 JST"
 * @scope: (nullable): the part of @what it covers: the UUID of the one checklist exported
 * @compared_at: when the export it marks the changes since was made; 0 when it marks none
 * @compared_text: (nullable): the same for people, e.g. "Changes since 7 Apr 2026 10:30"
 * @sections: (element-type DeskReportSection): its sections, in reading order
 *
 * What an export holds, gathered from the store in one step and independent of the format:
 * every writer (Markdown, HTML, CSV, JSON, PDF) reads the same report.
 */
typedef struct
{
  DeskExportWhat  what;
  char           *title;
  gint64          incident_id;
  char           *incident_uuid;
  char           *incident_title;
  char           *incident_summary;
  GTimeZone      *zone;
  char           *zone_text;
  gint64          exported_at;
  char           *exported_text;
  char           *scope;
  gint64          compared_at;
  char           *compared_text;
  GPtrArray      *sections;
} DeskReport;

const char        *desk_report_what_title  (DeskExportWhat  what);
DeskReport        *desk_report_gather      (DeskStore      *store,
                                            DeskExportWhat  what,
                                            DeskIncident   *incident,
                                            DeskChecklist  *checklist,
                                            GError        **error);
DeskReport        *desk_report_new         (DeskExportWhat  what,
                                            const char     *title,
                                            DeskIncident   *incident,
                                            gint64          exported_at);
void               desk_report_free        (DeskReport     *self);
DeskReportSection *desk_report_add_section (DeskReport     *self,
                                            const char     *id,
                                            const char     *title);
char              *desk_report_header_text (DeskReport     *self);
char              *desk_report_snapshot    (DeskReport     *self);
gboolean           desk_report_mark_changes (DeskReport    *self,
                                            DeskStore      *store,
                                            GError        **error);
gboolean           desk_report_find_earlier (DeskStore     *store,
                                            DeskExportWhat  what,
                                            gint64          incident_id,
                                            const char     *scope,
                                            gint64         *exported_at,
                                            GError        **error);
gboolean           desk_report_remember    (DeskReport     *self,
                                            DeskStore      *store,
                                            const char     *snapshot,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReport, desk_report_free)

G_END_DECLS
