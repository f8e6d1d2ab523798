/* desk-report-section.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-report-section"

#include "config.h"

#include "desk-report-section.h"

/* Returns: (transfer full): a section whose days and times are those of @zone */
DeskReportSection *
desk_report_section_new (const char *id,
                         const char *title,
                         GTimeZone  *zone)
{
  DeskReportSection *self;

  g_return_val_if_fail (id != NULL && title != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_new0 (DeskReportSection, 1);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->zone = g_time_zone_ref (zone);
  return self;
}

void
desk_report_section_free (DeskReportSection *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->uuid);
  g_free (self->title);
  g_free (self->text);
  desk_report_table_free (self->facts);
  desk_report_table_free (self->table);
  g_clear_object (&self->chart);
  g_time_zone_unref (self->zone);
  g_free (self);
}

void
desk_report_section_set_uuid (DeskReportSection *self,
                              const char        *uuid)
{
  g_return_if_fail (self != NULL);

  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
}

void
desk_report_section_set_text (DeskReportSection *self,
                              const char        *text)
{
  g_return_if_fail (self != NULL);

  g_free (self->text);
  self->text = text && *text ? g_strdup (text) : NULL;
}

/**
 * desk_report_section_get_facts:
 *
 * Returns: (transfer none): the section's facts, created empty on the first call: add a fact
 *   with desk_report_table_add_column() and then its cell
 */
DeskReportTable *
desk_report_section_get_facts (DeskReportSection *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->facts == NULL)
    {
      self->facts = desk_report_table_new (self->zone);
      desk_report_table_begin_row (self->facts, DESK_REPORT_ROW_NONE);
    }

  return self->facts;
}

/* Returns: (transfer none): the section's table, new and empty; a section has one at most */
DeskReportTable *
desk_report_section_add_table (DeskReportSection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->table == NULL, NULL);

  self->table = desk_report_table_new (self->zone);
  return self->table;
}

/* Sets the section's chart: documents draw it after the section's text. */
void
desk_report_section_set_chart (DeskReportSection *self,
                               DeskChart         *chart)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (chart == NULL || DESK_IS_CHART (chart));

  g_set_object (&self->chart, chart);
}
