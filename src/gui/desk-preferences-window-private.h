/* desk-preferences-window-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-preferences-window.h"

G_BEGIN_DECLS

/* For tests, which cannot drive the native file chooser */
void _desk_preferences_window_use_ca_file (DeskPreferencesWindow *self,
                                           GFile                 *file);

G_END_DECLS
