/* desk-labels.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-types.h"

G_BEGIN_DECLS

const char *desk_incident_status_label (DeskIncidentStatus  status);
const char *desk_severity_label        (DeskSeverity        severity);
const char *desk_exposure_label        (DeskExposure        exposure);
const char *desk_channel_label         (DeskChannel         channel);
const char *desk_notification_status_label (DeskNotificationStatus status);
const char *desk_recipient_label       (DeskRecipient       recipient);
const char *desk_item_status_label     (DeskItemStatus      status);
const char *desk_notice_basis_label    (DeskNoticeBasis     basis);
const char *desk_obligation_status_label (DeskObligationStatus status);
const char *desk_deadline_state_label  (DeskDeadlineState   state);
const char *desk_figure_source_label   (DeskFigureSource    source);
char       *desk_format_count          (gint64              count);
char       *desk_format_date           (gint64              seconds);
char       *desk_format_date_in_zone   (gint64              seconds,
                                        GTimeZone          *zone);
char       *desk_incident_summary      (DeskIncidentStatus  status,
                                        DeskSeverity        severity,
                                        gint64              detected_at,
                                        GTimeZone          *zone);

G_END_DECLS
