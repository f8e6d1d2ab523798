/* desk-remediation-page.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-incident-page.h"

G_BEGIN_DECLS

#define DESK_TYPE_REMEDIATION_PAGE (desk_remediation_page_get_type())

G_DECLARE_FINAL_TYPE (DeskRemediationPage, desk_remediation_page,
                      DESK, REMEDIATION_PAGE, DeskIncidentPage)

G_END_DECLS
