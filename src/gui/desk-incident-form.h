/* desk-incident-form.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-edit-queue.h"

G_BEGIN_DECLS

#define DESK_TYPE_INCIDENT_FORM (desk_incident_form_get_type())

G_DECLARE_FINAL_TYPE (DeskIncidentForm, desk_incident_form, DESK, INCIDENT_FORM, GtkBox)

void          desk_incident_form_set_edit_queue  (DeskIncidentForm *self,
                                                  DeskEditQueue    *edits);
DeskIncident *desk_incident_form_get_incident    (DeskIncidentForm *self);
void          desk_incident_form_set_incident    (DeskIncidentForm *self,
                                                  DeskIncident     *incident);
void          desk_incident_form_flush           (DeskIncidentForm *self);

/* Pure helpers */
gboolean      _desk_incident_form_parse_count    (const char       *text,
                                                  gint64           *count);

/* For tests: the rows are named by field ("title", "status", "detected-at",
 * "estimated-potential", …) */
GtkWidget    *_desk_incident_form_get_field_row   (DeskIncidentForm *self,
                                                  const char       *field);
GtkTextView  *_desk_incident_form_get_summary_view (DeskIncidentForm *self);

G_END_DECLS
