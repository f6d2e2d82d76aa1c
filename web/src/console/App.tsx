import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Session } from '../shared/auth';

dayjs.locale('zh-cn');

export function App({ session }: { session: Session }) {
  return (
    <ConfigProvider locale={zhCN}>
      <BrowserRouter>
        <Routes>
          <Route path="*" element={<div>欢迎，{session.user.name}</div>} />
        </Routes>
      </BrowserRouter>
    </ConfigProvider>
  );
}
