/* desk-window.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_TYPE_WINDOW (desk_window_get_type())

G_DECLARE_FINAL_TYPE (DeskWindow, desk_window, DESK, WINDOW, AdwApplicationWindow)

DeskWindow *desk_window_new       (GtkApplication *application,
                                   DeskStore      *store);
DeskStore  *desk_window_get_store (DeskWindow     *self);
void        desk_window_show_incident (DeskWindow *self,
                                       const char *uuid);

G_END_DECLS
