/* desk-application.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-types.h"

G_BEGIN_DECLS

/* The GSettings schema keeps the base id in every build profile (the application id of a
 * development build ends in .Devel), so it is not APPLICATION_ID. */
#define DESK_SETTINGS_SCHEMA_ID "io.github.incidentdesk.IncidentDesk"

#define DESK_TYPE_APPLICATION (desk_application_get_type())

G_DECLARE_FINAL_TYPE (DeskApplication, desk_application, DESK, APPLICATION, AdwApplication)

DeskApplication *desk_application_new       (void);
DeskStore       *desk_application_get_store (DeskApplication *self);

G_END_DECLS
