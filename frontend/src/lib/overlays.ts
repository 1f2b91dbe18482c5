// The overlays that load after the page (a date field's calendar, the confirm dialog), in one
// chunk: Mantine's Popover and Modal share most of their code, and one chunk keeps the pages'
// first load within its budget.
export { CalendarPopover } from './CalendarPopover';
export { ConfirmModal } from '../components/ConfirmModal';
