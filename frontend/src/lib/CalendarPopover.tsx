// The calendar of DateInput in its popover, in a chunk of its own (loaded right after the page
// that shows a date field, outside the first-load budget).
import { Popover } from '@mantine/core';
import { DateCalendar } from './DateCalendar';
import { CalendarButton } from './CalendarButton';
import { todayInRiga } from './dates';

export function CalendarPopover({
  label,
  open,
  onOpenChange,
  value,
  min,
  max,
  onPick,
}: {
  label: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  value: string | null;
  min?: string;
  max?: string;
  onPick: (date: string) => void;
}) {
  return (
    <Popover opened={open} onChange={onOpenChange} position="bottom-end" trapFocus returnFocus withinPortal hideDetached={false} shadow="md">
      <Popover.Target>
        <CalendarButton label={label} onClick={() => onOpenChange(!open)} />
      </Popover.Target>
      <Popover.Dropdown p="xs">
        {open && (
          <DateCalendar
            value={value}
            today={todayInRiga()}
            min={min}
            max={max}
            onPick={(d) => {
              onOpenChange(false);
              onPick(d);
            }}
            onCancel={() => onOpenChange(false)}
          />
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
