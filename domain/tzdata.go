package domain

// Embed the time zone database: a minimal machine or container may have none, and day
// boundaries must be Riga's everywhere.
import _ "time/tzdata"
