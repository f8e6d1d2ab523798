/* desk-snug-bin.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DESK_TYPE_SNUG_BIN (desk_snug_bin_get_type())

G_DECLARE_FINAL_TYPE (DeskSnugBin, desk_snug_bin, DESK, SNUG_BIN, GtkWidget)

G_END_DECLS
