import { ChatShell } from "@/components/chat/chat-shell";
import { ChatSidebar } from "@/components/chat/sidebar";

export default function ChatLayout({ children }: { children: React.ReactNode }) {
  return <ChatShell sidebar={<ChatSidebar />}>{children}</ChatShell>;
}
