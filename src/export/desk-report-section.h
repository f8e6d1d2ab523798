/* desk-report-section.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-chart.h"
#include "desk-report-table.h"

G_BEGIN_DECLS

/**
 * DeskReportSection:
 * @id: what the section is, for JSON: "checklist", "key-figures"…
 * @uuid: (nullable): the record it is about, e.g. a checklist's
 * @title: its heading
 * @text: (nullable): a paragraph under the heading
 * @facts: (nullable): a table of one row, a column per fact ("Status: Investigating"), which
 *   documents show as a list of labelled values
 * @table: (nullable): the section's table
 * @chart: (nullable): a chart, which documents draw (PDF) and the others leave out
 * @zone: the time zone its tables write days and times in
 */
typedef struct
{
  char            *id;
  char            *uuid;
  char            *title;
  char            *text;
  DeskReportTable *facts;
  DeskReportTable *table;
  DeskChart       *chart;
  GTimeZone       *zone;
} DeskReportSection;

DeskReportSection *desk_report_section_new       (const char        *id,
                                                  const char        *title,
                                                  GTimeZone         *zone);
void               desk_report_section_free      (DeskReportSection *self);
void               desk_report_section_set_uuid  (DeskReportSection *self,
                                                  const char        *uuid);
void               desk_report_section_set_text  (DeskReportSection *self,
                                                  const char        *text);
DeskReportTable   *desk_report_section_get_facts (DeskReportSection *self);
DeskReportTable   *desk_report_section_add_table (DeskReportSection *self);
void               desk_report_section_set_chart (DeskReportSection *self,
                                                  DeskChart         *chart);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskReportSection, desk_report_section_free)

G_END_DECLS
