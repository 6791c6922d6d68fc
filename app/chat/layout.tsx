import { ChatSidebar } from "@/components/chat/sidebar";

export default function ChatLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-6 lg:flex-row">
      <aside className="lg:w-64 lg:shrink-0">
        <ChatSidebar />
      </aside>
      <section className="min-w-0 flex-1">{children}</section>
    </div>
  );
}
