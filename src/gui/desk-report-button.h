/* desk-report-button.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-export-enums.h"

G_BEGIN_DECLS

#define DESK_TYPE_REPORT_BUTTON (desk_report_button_get_type())

G_DECLARE_FINAL_TYPE (DeskReportButton, desk_report_button, DESK, REPORT_BUTTON, GtkWidget)

G_END_DECLS
